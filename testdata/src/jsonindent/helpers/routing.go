package helpers

import "net/http"

// Reported: a case on the request's method or path picks the endpoint,
// not the response's form (gophish's API handlers).
func Records(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == "GET":
		WriteJSON(w, http.StatusOK, loadAll()) // want `^json.MarshalIndent of \[\]Record \(rows of a query\) via WriteJSON on a request path`
	case r.URL.Path == "/records/all" && r.Method == http.MethodPost:
		WriteJSON(w, http.StatusOK, loadAll()) // want `via WriteJSON on a request path`
	}
}

// Reported: the same with a tag switch.
func RecordsByMethod(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		WriteJSON(w, http.StatusOK, loadAll()) // want `via WriteJSON on a request path`
	}
}
