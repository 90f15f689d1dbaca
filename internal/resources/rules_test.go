package resources

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// storageClient type-checks a package at storage's import path whose
// Client is declared by decl, and returns the type NewClient returns.
func storageClient(t *testing.T, decl string) types.Type {
	t.Helper()
	src := "package storage\n" + decl + "\nfunc NewClient() (*Client, error) { return nil, nil }\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "storage.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("cloud.google.com/go/storage", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sig := pkg.Scope().Lookup("NewClient").Type().(*types.Signature)
	return sig.Results().At(0).Type()
}

// TestCloseFreesNothing checks the storage versions the rule tells apart,
// by the fields of their Client (upstream's, unexported fields included).
func TestCloseFreesNothing(t *testing.T) {
	const key = "cloud.google.com/go/storage.NewClient"
	for _, tc := range []struct {
		name, decl string
		want       bool
	}{
		{"v1.12", "type Client struct { hc any; raw any; scheme, envHost, readHost string }", true},
		{"v1.22", "type Client struct { hc any; raw any; gc any; useGRPC bool }", true},
		{"v1.27", "type Client struct { hc any; raw any; tc storageClient }\ntype storageClient interface{ Close() error }", false},
	} {
		typ := storageClient(t, tc.decl)
		if got := CloseFreesNothing(key, typ); got != tc.want {
			t.Errorf("%s: CloseFreesNothing = %v, want %v", tc.name, got, tc.want)
		}
		if CloseFreesNothing("cloud.google.com/go/storage.NewGRPCClient", typ) {
			t.Errorf("%s: a gRPC client's Close closes its connection pool", tc.name)
		}
	}
}

// TestReleaseNames checks that helpers are judged by every release a rule
// names, so a library released by another method needs only its rule.
func TestReleaseNames(t *testing.T) {
	got := ReleaseNames()
	want := []string{"AsyncClose", "Close", "CloseWithError"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("ReleaseNames() = %q, lacks %s", got, w)
		}
	}
	Rules["example.com/lib.NewThing"] = Rule{Release: []string{"Shutdown"}, Leaks: "leaks"}
	defer delete(Rules, "example.com/lib.NewThing")
	if !slices.Contains(ReleaseNames(), "Shutdown") {
		t.Errorf("ReleaseNames() does not follow a new rule's release method")
	}
	if !slices.IsSorted(got) {
		t.Errorf("ReleaseNames() = %q, not sorted", got)
	}
}
