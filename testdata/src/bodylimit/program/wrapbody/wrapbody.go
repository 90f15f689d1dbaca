// Package wrapbody bounds bodies with a reader of its own wrapped around // want package:"program\\(limits reads\\(wrapbody\\.create\\) starts\\(wrapbody\\.Main\\)\\)"
// the body, kept in a variable first: a limit, so the server is no
// finding.
package wrapbody

import (
	"encoding/json"
	"io"
	"net/http"
)

type capped struct {
	rc io.ReadCloser
	n  int64
}

func (c *capped) Read(p []byte) (int, error) { return c.rc.Read(p) }
func (c *capped) Close() error               { return c.rc.Close() }

func limit(next http.Handler) http.Handler { // want limit:"limiter"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := r.Body
		r.Body = &capped{rc: body, n: 1 << 20}
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
	http.ListenAndServe(":8080", limit(mux))
}
