// Package middleware is a stub of github.com/go-chi/chi/v5/middleware
// v5.5.0 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream signatures.
package middleware

import "net/http"

// RequestSize is a middleware that will limit request sizes to a specified
// number of bytes.
func RequestSize(bytes int64) func(http.Handler) http.Handler { return nil }

// Logger is a middleware that logs the start and end of each request.
func Logger(next http.Handler) http.Handler { return next }
