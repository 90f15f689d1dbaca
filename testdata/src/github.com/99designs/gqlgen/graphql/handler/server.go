// Package handler is a stub of github.com/99designs/gqlgen/graphql/handler
// v0.17.91 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream signatures.
package handler

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

// Server serves GraphQL requests through the transports added to it.
type Server struct {
	transports []graphql.Transport
}

// New returns a new Server for the given executable schema.
func New(es graphql.ExecutableSchema) *Server { return &Server{} }

// NewDefaultServer returns a Server with the websocket, OPTIONS, GET,
// POST and multipart transports.
//
// Deprecated: not suitable for production use.
func NewDefaultServer(es graphql.ExecutableSchema) *Server { return &Server{} }

// AddTransport adds a transport to the Server.
func (s *Server) AddTransport(transport graphql.Transport) {
	s.transports = append(s.transports, transport)
}

// ServeHTTP serves a request with the first transport that supports it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
