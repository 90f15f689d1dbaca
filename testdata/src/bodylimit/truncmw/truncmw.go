// Package truncmw keeps at most 1 MiB of each body with a middleware whose // want package:"program\\(limits reads\\(truncmw\\.upload\\) starts\\(truncmw\\.Serve\\)\\)"
// helper reads a limited copy and hands back the body itself only when the
// read fails: a limit.
package truncmw

import (
	"bytes"
	"io"
	"net/http"
)

func truncated(r io.Reader) (io.Reader, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(io.LimitReader(r, 1<<20)); err != nil {
		return r, err
	}
	return &buf, nil
}

func truncBody(next http.Handler) http.Handler { // want truncBody:`limiter`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reader, _ := truncated(r.Body)
		r.Body = io.NopCloser(reader)
		next.ServeHTTP(w, r)
	})
}

// Fine: truncBody bounds every body.
func upload(w http.ResponseWriter, r *http.Request) { // want upload:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	http.ListenAndServe(":8080", truncBody(mux))
}
