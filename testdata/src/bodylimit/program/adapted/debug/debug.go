// Package debug makes the debug port's mux: its handlers read no body.
package debug

import (
	"net/http"
	"net/http/pprof"
)

// Mux returns the debug mux.
func Mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/liveness", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	return mux
}
