// Package peekmw logs the start of each body with a middleware that peeks // want package:"program\\(covered\\(1\\) starts\\(peekmw\\.Serve\\)\\)"
// at it and puts it back whole (go-pkgz/rest's logger): no limit.
package peekmw

import (
	"bytes"
	"io"
	"net/http"
)

// peek reads the first n bytes of r and returns a reader of all of r.
func peek(r io.Reader, n int64) (io.Reader, string, error) {
	buf := new(bytes.Buffer)
	_, err := io.CopyN(buf, r, n+1)
	if err == io.EOF {
		return buf, buf.String(), nil
	}
	if err != nil {
		return r, "", err
	}
	return io.MultiReader(buf, r), buf.String(), nil
}

func logBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reader, head, err := peek(r.Body, 1024)
		if err == nil {
			r.Body = io.NopCloser(reader)
		}
		_ = head
		next.ServeHTTP(w, r)
	})
}

func upload(w http.ResponseWriter, r *http.Request) { // want upload:`reads\(1:io.ReadAll\)`
	b, _ := io.ReadAll(r.Body)
	w.Write(b)
}

func Serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("/upload", upload)
	http.ListenAndServe(":8080", logBody(mux)) // want `peekmw.upload \(io.ReadAll\) reads request bodies whole with no body limit`
}
