// Command metricsmux starts a metrics server, built by a helper on a chi // want package:"program\\(covered\\(3\\)\\)"
// mux on which only a library's handler is registered, before the
// service's own server (fider's layout, with httprouter and promhttp):
// the program rule reports at the server that serves the routes.
package main

import (
	"net/http"
	"net/http/pprof"

	"github.com/go-chi/chi/v5"

	"bodylimit/program/api"
)

type engine struct {
	metrics *http.Server
	web     *http.Server
}

func newMetricsServer(addr string) *http.Server {
	mux := chi.NewRouter()
	mux.Get("/debug/pprof/", pprof.Index)
	return &http.Server{Addr: addr, Handler: mux}
}

func main() {
	e := &engine{
		metrics: newMetricsServer(":9090"),
		web:     &http.Server{Addr: ":8080", Handler: api.New()},
	}
	go e.metrics.ListenAndServe() // serves only pprof
	e.web.ListenAndServe()        // want `^2 functions read request bodies whole`
}
