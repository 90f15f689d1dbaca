// Package otelecho is a stub of
// go.opentelemetry.io/contrib/instrumentation/github.com/labstack/echo/otelecho
// v0.60.0 for memlint's tests, with the upstream signatures. Its
// Middleware calls c.SetRequest(request.WithContext(ctx)).
package otelecho

import "github.com/labstack/echo/v4"

// Option specifies instrumentation configuration options.
type Option interface{ apply(*config) }

type config struct{}

// Middleware returns echo middleware which will trace incoming requests.
func Middleware(service string, opts ...Option) echo.MiddlewareFunc { return nil }
