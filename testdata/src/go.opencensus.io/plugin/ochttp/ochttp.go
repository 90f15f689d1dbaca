// Package ochttp is a stub of go.opencensus.io/plugin/ochttp (v0.24.0):
// the fields and methods memlint's tests use, with upstream's types.
package ochttp

import "net/http"

// Handler is an http.Handler wrapper to instrument your HTTP server with
// OpenCensus.
type Handler struct {
	Handler          http.Handler
	IsPublicEndpoint bool
	FormatSpanName   func(*http.Request) string
	IsHealthEndpoint func(*http.Request) bool
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.Handler.ServeHTTP(w, r) }
