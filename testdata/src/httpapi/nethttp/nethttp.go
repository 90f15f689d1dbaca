// Package nethttp asserts the table's view of net/http, chi and
// gorilla/mux code.
package nethttp

import (
	"net/http"
	"net/http/httptest"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
)

func handler(w http.ResponseWriter, r *http.Request) { // want `handler net/http; on request path; writer w; holder r net/http`
	_ = r.FormValue("a")        // want `input form net/http`
	_ = r.PostFormValue("a")    // want `input form net/http`
	_ = r.PathValue("id")       // want `input path parameter net/http`
	_ = r.URL.Query().Get("a")  // want `input query net/http`
	_ = chi.URLParam(r, "id")   // want `input path parameter chi`
	_ = mux.Vars(r)["id"]       // want `input path parameter gorilla/mux`
	_ = r.Header.Get("X-Limit") // a header read from any http.Header (also a client's response): not in the table
	_, _ = strconv.Atoi("12")   // not input
}

// Not a handler shape (results), but on a request path.
func withResult(w http.ResponseWriter, r *http.Request) error { return nil } // want `on request path; writer w; holder r net/http`

// A helper taking only the request is on a request path.
func helper(r *http.Request) {} // want `on request path; holder r net/http`

// A concrete writer implements http.ResponseWriter but does not make a
// request path: only the exact interface does.
func record(rec *httptest.ResponseRecorder) {} // want `writer rec`

// *http.Request by value and **http.Request are not holders.
func notHolders(r http.Request, rr **http.Request) {}

func closures() {
	f := func(w http.ResponseWriter, r *http.Request) {} // want `handler net/http; on request path; writer w; holder r net/http`
	g := func(n int) {}
	_, _ = f, g
}

type srv struct{}

// A method value handler.
func (srv) ServeHTTP(w http.ResponseWriter, r *http.Request) {} // want `handler net/http; on request path; writer w; holder r net/http`
