// Command pprofmux starts a debug server of a ServeMux of its own on // want package:"program\\(covered\\(1\\)\\)"
// which it registers only net/http/pprof's handlers, before the
// service's server of its router (statping's layout): the program rule
// reports at the server that serves the routes, not at the debug port.
package main

import (
	"encoding/json"
	"net/http"
	"net/http/pprof"
)

var router = http.NewServeMux()

func create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func debugPort() {
	go func() {
		mux := http.NewServeMux()
		mux.HandleFunc("/debug/pprof/", pprof.Index)
		mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		mux.Handle("/debug/pprof/heap", pprof.Handler("heap"))
		http.ListenAndServe(":9090", mux)
	}()
}

func main() {
	debugPort()
	router.HandleFunc("/create", create)
	srv := &http.Server{Addr: ":8080", Handler: router}
	srv.ListenAndServe() // want `^main\.create \(json\.Decoder\.Decode\) reads request bodies whole`
}
