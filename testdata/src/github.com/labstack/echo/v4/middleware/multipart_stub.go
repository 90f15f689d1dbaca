package middleware

import (
	"time"

	"github.com/labstack/echo/v4"
)

// ContextTimeoutConfig defines the config for ContextTimeout middleware.
type ContextTimeoutConfig struct {
	Timeout time.Duration
}

// ContextTimeout returns a middleware that sets a timeout on the request's
// context (c.SetRequest(c.Request().WithContext(timeoutContext))).
func ContextTimeout(timeout time.Duration) echo.MiddlewareFunc { return nil }

// ContextTimeoutWithConfig returns a ContextTimeout middleware with config.
func ContextTimeoutWithConfig(config ContextTimeoutConfig) echo.MiddlewareFunc { return nil }
