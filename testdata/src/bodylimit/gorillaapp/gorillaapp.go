// Package gorillaapp: gorilla/mux routers wired here. // want package:"program\\(limits reads\\(gorillaapp\\.limitedCreate,gorillaapp\\.wrappedCreate\\) covered\\(2\\)\\)"
package gorillaapp

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gorilla/mux"
)

type item struct{ Name string }

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
}

func update(w http.ResponseWriter, r *http.Request) { // want update:`reads\(1:json.Decoder.Decode\)`
	var it item
	json.NewDecoder(r.Body).Decode(&it) // want `json.Decoder.Decode reads the whole request body`
}

func limitedCreate(w http.ResponseWriter, r *http.Request) { // want limitedCreate:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // fine: only registered behind limit below
}

func wrappedCreate(w http.ResponseWriter, r *http.Request) { // want wrappedCreate:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // fine: only registered on a router given to a wrapper
}

func logging(next http.Handler) http.Handler { return next }

func limit(next http.Handler) http.Handler { // want limit:`limiter`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

// serve registers on a router and a subrouter with no limit.
func serve() {
	r := mux.NewRouter()
	r.Use(logging) // not a limit
	r.HandleFunc("/items", create).Methods("POST")
	api := r.PathPrefix("/api").Subrouter()
	api.Handle("/items/{id}", http.HandlerFunc(update)).Methods("PUT")
	http.ListenAndServe(":8080", r)
}

// serveLimited is fine: a middleware of the router bounds every body.
func serveLimited() {
	r := mux.NewRouter()
	r.Use(limit)
	r.HandleFunc("/items", limitedCreate).Methods("POST")
	srv := &http.Server{Addr: ":8080", Handler: r}
	srv.ListenAndServe()
}

// serveWrapped is fine: the router is handed to a wrapper the pass does
// not follow, which may bound bodies.
func serveWrapped(wrap func(http.Handler) http.Handler) {
	r := mux.NewRouter()
	r.HandleFunc("/items", wrappedCreate)
	http.ListenAndServe(":8080", wrap(r))
}
