package std

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Fine by default: _test.go files are skipped.
func fakeHandler(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(allOrders(), "", "  ")
	w.Write(b)
}

func TestList(t *testing.T) {
	rec := httptest.NewRecorder()
	fakeHandler(rec, httptest.NewRequest("GET", "/", nil))
}
