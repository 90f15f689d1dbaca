// Package otelgin is a stub of
// go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin
// v0.63.0 for memlint's tests, with the upstream signatures. Its
// Middleware sets c.Request = c.Request.WithContext(ctx).
package otelgin

import "github.com/gin-gonic/gin"

// Option configures the middleware.
type Option interface{ apply(*config) }

type config struct{}

// Middleware returns a gin middleware that traces each request.
func Middleware(service string, opts ...Option) gin.HandlerFunc { return nil }
