// Package server starts the module's server from a goroutine of an
// unexported helper of its exported Start (traggo's server package):
// Start serves its parameter, so its importers' calls are start sites.
package server

import (
	"fmt"
	"net/http"
)

// Start serves mux until the server stops.
func Start(mux *http.ServeMux, port int) error { // want Start:"serves\\(0\\)"
	return <-startServer(mux, port)
}

func startServer(mux *http.ServeMux, port int) chan error {
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: mux}
	done := make(chan error, 1)
	go func() {
		done <- srv.ListenAndServe()
	}()
	return done
}
