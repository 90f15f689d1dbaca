// Command telemetrymux starts a telemetry server before the service's own // want package:"program\\(covered\\(3\\)\\)"
// (dex's layout): its mux registers a library's handler kept in a local
// variable, a liveness literal that reads no body, and, through a function
// of the package given the mux, more library handlers, so it serves none
// of the routes that read, and the program rule reports at the server
// that serves them.
package main

import (
	"net/http"
	"net/http/pprof"

	"bodylimit/program/api"
)

func main() {
	telemetry := http.NewServeMux()
	index := http.HandlerFunc(pprof.Index)
	telemetry.Handle("/debug/pprof/", index)
	telemetry.HandleFunc("/healthz/live", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok"))
	})
	pprofRoutes(telemetry)
	go http.ListenAndServe(":9090", telemetry) // serves only pprof and a probe

	http.ListenAndServe(":8080", api.New()) // want `^2 functions read request bodies whole`
}

func pprofRoutes(mux *http.ServeMux) { // want pprofRoutes:`routers\(0\)`
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
}
