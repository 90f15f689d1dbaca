// Package limitedserver bounds every body before serving, in the same // want package:"program\\(limits\\)"
// shape as package server: Start serves its parameter wrapped, so it has
// no serves fact, and the package limits bodies.
package limitedserver

import (
	"fmt"
	"net/http"
)

// Start serves mux behind a 1 MiB body limit.
func Start(mux *http.ServeMux, port int) error {
	return <-startServer(http.MaxBytesHandler(mux, 1<<20), port)
}

func startServer(h http.Handler, port int) chan error {
	srv := &http.Server{Addr: fmt.Sprintf(":%d", port), Handler: h}
	done := make(chan error, 1)
	go func() {
		done <- srv.ListenAndServe()
	}()
	return done
}
