// Package chiapp: chi routers wired here. // want package:"program\\(limits reads\\(chiapp\\.limitedCreate\\) covered\\(1\\)\\)"
package chiapp

import (
	"io"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

func limitedCreate(w http.ResponseWriter, r *http.Request) { // want limitedCreate:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body)
}

func serve() {
	r := chi.NewRouter()
	r.Use(middleware.Logger) // not a limit
	r.Post("/items", create)
	http.ListenAndServe(":8080", r)
}

// chi's RequestSize on the router: silent.
func serveLimited() {
	r := chi.NewRouter()
	r.Use(middleware.RequestSize(1 << 20))
	r.Post("/items", limitedCreate)
	http.ListenAndServe(":8080", r)
}
