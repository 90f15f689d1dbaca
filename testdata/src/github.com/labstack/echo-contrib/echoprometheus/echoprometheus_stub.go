// Package echoprometheus is a stub of
// github.com/labstack/echo-contrib/echoprometheus v0.17.4 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package echoprometheus

import "github.com/labstack/echo/v4"

// NewMiddleware returns a middleware that records request metrics (it
// bounds no body).
func NewMiddleware(subsystem string) echo.MiddlewareFunc { return nil }
