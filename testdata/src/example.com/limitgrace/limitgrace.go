// Package limitgrace stands for a graceful-shutdown wrapper that bounds
// bodies when it serves: it keeps the server it is given, but its Serve
// sets the Handler to a body limit, so it carries no servesRecv fact.
package limitgrace

import (
	"net"
	"net/http"
)

// Server keeps an http.Server.
type Server struct {
	*http.Server
}

// New keeps s.
func New(s *http.Server) *Server { // want New:`keeps\(0\)\.Server`
	return &Server{Server: s}
}

// Serve bounds every body, then serves.
func (s *Server) Serve(l net.Listener) error {
	s.Server.Handler = http.MaxBytesHandler(s.Server.Handler, 1<<20)
	return s.Server.Serve(l)
}
