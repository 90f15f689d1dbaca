// Package capmw caps each body with a middleware whose helper returns a // want package:"program\\(limits reads\\(capmw\\.upload\\) starts\\(capmw\\.Serve\\)\\)"
// limited reader: a limit, so its handlers' reads are fine.
package capmw

import (
	"io"
	"net/http"
)

// capped returns r bounded to n bytes, or r itself when n is 0.
func capped(r io.Reader, n int64) (io.Reader, error) {
	if n == 0 {
		return r, nil
	}
	return io.LimitReader(r, n), nil
}

func capBody(next http.Handler) http.Handler { // want capBody:`limiter`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reader, _ := capped(r.Body, 1<<20)
		r.Body = io.NopCloser(reader)
		next.ServeHTTP(w, r)
	})
}

// Fine: capBody bounds every body.
func upload(w http.ResponseWriter, r *http.Request) { // want upload:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	http.ListenAndServe(":8080", capBody(mux))
}
