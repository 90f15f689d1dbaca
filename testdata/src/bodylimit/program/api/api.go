// Package api: handlers of a service, registered and served in other packages (the program rule). // want package:"program\\(reads\\(api\\.\\(\\*Handler\\)\\.create,api\\.\\(\\*Handler\\)\\.Handle\\) through\\(1\\)\\)"
package api

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
)

type Params []string

type Handler struct{}

// create reads its body whole: the finding of the server's package names
// it. Silent here: the wiring is in another package.
func (h *Handler) create(w http.ResponseWriter, r *http.Request, _ Params) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

// Handle reads through a helper, and returns an error (cfssl's shape).
func (h *Handler) Handle(w http.ResponseWriter, r *http.Request) error { // want Handle:"reads\\(1:io.ReadAll\\)"
	_, err := readBlob(r)
	return err
}

func readBlob(r *http.Request) ([]byte, error) { // want readBlob:"reads\\(0:io.ReadAll\\)"
	return io.ReadAll(r.Body)
}

// upload streams the body to a file: not a whole read.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	f, _ := os.Create("upload")
	io.Copy(f, r.Body)
}

type transport struct{}

// RoundTrip reads an outgoing request's body: a client (no
// ResponseWriter), not a handler.
func (transport) RoundTrip(r *http.Request) (*http.Response, error) { // want RoundTrip:"reads\\(0:io.ReadAll\\)"
	io.ReadAll(r.Body)
	return nil, nil
}

// New returns the service's handler: a router returned is not followed.
func New() http.Handler {
	h := &Handler{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /c", func(w http.ResponseWriter, r *http.Request) { h.create(w, r, nil) })
	mux.Handle("POST /h", h)
	mux.HandleFunc("POST /u", h.upload)
	return mux
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:"reads\\(1:io.ReadAll\\)"
	h.Handle(w, r)
}
