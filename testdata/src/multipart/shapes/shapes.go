// Package shapes: handlers without a handler's exact shape, which a router
// or an adapter calls (#15: "handler shapes beyond func(w, r)").
package shapes

import (
	"net/http"
)

// Params are a router's path parameters (httprouter's shape).
type Params []string

// Router registers handlers of httprouter's shape.
type Router struct{}

func (*Router) POST(path string, h func(http.ResponseWriter, *http.Request, Params)) {}

// appHandler adapts func(w, r) error (the "error handler" shape).
type appHandler func(http.ResponseWriter, *http.Request) error

func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func routes(rt *Router, mux *http.ServeMux) {
	rt.POST("/upload", upload)
	mux.Handle("/import", appHandler(importFile))
	rt.POST("/inline", func(w http.ResponseWriter, r *http.Request, _ Params) {
		if err := r.ParseMultipartForm(8 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
			return
		}
		_ = r.MultipartForm.File["f"]
	})
	rt.POST("/inline-clean", func(w http.ResponseWriter, r *http.Request, _ Params) {
		// fine: removed
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			return
		}
		defer r.MultipartForm.RemoveAll()
	})
	rt.POST("/helped", helped)
}

// upload is registered on the router and never called by the package: it
// owns its request like a handler.
func upload(w http.ResponseWriter, r *http.Request, _ Params) {
	if err := r.ParseMultipartForm(8 << 20); err != nil { // want `ParseMultipartForm without RemoveAll`
		return
	}
	_ = r.MultipartForm.File["f"]
}

// importFile is a func(w, r) error given to an adapter.
func importFile(w http.ResponseWriter, r *http.Request) error {
	f, _, err := r.FormFile("f") // want `FormFile without RemoveAll`
	if err != nil {
		return err
	}
	return f.Close()
}

// parseUpload is fine: a helper its caller calls, and the caller removes
// the form (the fact carries the parse to it).
func parseUpload(w http.ResponseWriter, r *http.Request, _ Params) error { // want parseUpload:"parsesForm\\(1\\)"
	return r.ParseMultipartForm(8 << 20)
}

func helped(w http.ResponseWriter, r *http.Request, ps Params) {
	if err := parseUpload(w, r, ps); err != nil {
		return
	}
	defer r.MultipartForm.RemoveAll()
}
