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
	srv := &http.Server{Addr: ":9090", Handler: telemetry}
	defer srv.Close()
	var g group
	g.Add(func() error {
		return srv.ListenAndServe() // serves only pprof and a probe
	}, func(error) {})

	// Each server has a variable of its own: the telemetry server's
	// handler is its literal's, not every server literal's of main.
	web := &http.Server{Addr: ":8080", Handler: api.New()}
	web.ListenAndServe() // want `^2 functions read request bodies whole`
}

func pprofRoutes(mux *http.ServeMux) { // want pprofRoutes:`routers\(0\)`
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
}

// group runs actors (oklog/run's Group, as dex starts its servers).
type group struct{ actors []func() error }

func (g *group) Add(execute func() error, interrupt func(error)) {
	g.actors = append(g.actors, execute)
}
