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

// Server keeps nothing; its serve method serves the handler it is given.
type Server struct{}

func (s *Server) serve(mux *http.ServeMux) error {
	srv := &http.Server{Handler: mux}
	return srv.ListenAndServe()
}

// StartMethod hands its router to a method of the package, through a
// method value: it serves its parameter 1.
func StartMethod(s *Server, mux *http.ServeMux) error { // want StartMethod:"serves\\(1\\)"
	return s.serve(mux)
}

// StartExpr calls the same method through a method expression, whose
// first argument is the receiver, not the method's first parameter: not
// followed (no fact; before, the receiver was taken for the handler).
func StartExpr(s *Server, mux *http.ServeMux) error {
	return (*Server).serve(s, mux)
}
