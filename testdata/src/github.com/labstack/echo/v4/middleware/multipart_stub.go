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

// MethodOverrideGetter reads the overriding method from the request.
type MethodOverrideGetter func(echo.Context) string

// MethodOverrideConfig configures MethodOverrideWithConfig.
type MethodOverrideConfig struct {
	Getter MethodOverrideGetter
}

// MethodOverrideWithConfig overrides a POST request's method by Getter's.
func MethodOverrideWithConfig(config MethodOverrideConfig) echo.MiddlewareFunc { return nil }

// MethodFromForm reads the method from a form field: c.FormValue(param),
// which parses a multipart body on the request it is given.
func MethodFromForm(param string) MethodOverrideGetter { return nil }
