// Package teebody copies what handlers read of a body into a capped // want package:"program\\(covered\\(1\\) starts\\(teebody\\.Main\\)\\)"
// buffer for error reports (sentry's Scope.SetRequest): the body is
// wrapped in io.TeeReader, which reads no less, so it bounds nothing and
// the program rule reports the server.
package teebody

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

type readCloser struct {
	io.Reader
	io.Closer
}

func capture(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := &bytes.Buffer{}
		r.Body = readCloser{Reader: io.TeeReader(r.Body, buf), Closer: r.Body}
		next.ServeHTTP(w, r)
	})
}

func create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func Main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	http.ListenAndServe(":8080", capture(mux)) // want `^teebody\.create \(json\.Decoder\.Decode\) reads request bodies whole`
}
