// Package middleware is a stub of github.com/labstack/echo/v4/middleware
// v4.16.0 for memlint's tests: it declares only what memlint's passes
// inspect, with the upstream signatures.
package middleware

import "github.com/labstack/echo/v4"

// BodyLimitConfig defines the config for BodyLimit middleware.
type BodyLimitConfig struct {
	Limit string
}

// BodyLimit returns a BodyLimit middleware.
func BodyLimit(limit string) echo.MiddlewareFunc { return nil }

// BodyLimitWithConfig returns a BodyLimit middleware with config.
func BodyLimitWithConfig(config BodyLimitConfig) echo.MiddlewareFunc { return nil }

// Logger returns a middleware that logs HTTP requests.
func Logger() echo.MiddlewareFunc { return nil }
