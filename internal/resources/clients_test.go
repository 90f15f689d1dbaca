package resources

import (
	"slices"
	"testing"
)

// TestClientPackages checks that the fast-path list names the package of
// every constructor and literal, methods and pointer receivers included.
func TestClientPackages(t *testing.T) {
	for _, want := range []string{
		"cloud.google.com/go/...",
		"cloud.google.com/go/storage",
		"github.com/segmentio/kafka-go",
		"net/http",     // (*net/http.Transport).Clone and &http.Transport{}
		"database/sql", // sql.Open
		"go.mongodb.org/mongo-driver/mongo",
	} {
		if !slices.Contains(ClientPackages, want) {
			t.Errorf("ClientPackages lacks %s: %q", want, ClientPackages)
		}
	}
	for _, p := range ClientPackages {
		if p == "" || p[0] == '(' || p[0] == '*' {
			t.Errorf("malformed package path %q", p)
		}
	}
}
