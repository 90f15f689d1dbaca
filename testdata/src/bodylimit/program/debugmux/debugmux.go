// Command debugmux serves a ServeMux of its own that registers // want package:"program\\(covered\\(3\\)\\)"
// net/http/pprof's handlers beside the service's API, before another
// server: the first serves the module's routes, so the program rule
// reports there (the mux is not a library's alone).
package main

import (
	"net/http"
	"net/http/pprof"

	"bodylimit/program/api"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/api/", api.New())
	go http.ListenAndServe(":9090", mux) // want `^2 functions read request bodies whole`
	srv := &http.Server{Addr: ":8080", Handler: api.New()}
	srv.ListenAndServe()
}
