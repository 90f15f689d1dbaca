package echov5

import (
	"context"

	"github.com/labstack/echo/v5"
)

type traceKey struct{}

// withTrace puts a value in the request's context: the handlers of this
// package get a copy of the server's request, so their findings stand.
func withTrace(next echo.HandlerFunc) echo.HandlerFunc { // want withTrace:"copiesRequest\\(echo\\)"
	return func(c *echo.Context) error {
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), traceKey{}, "t")))
		return next(c)
	}
}
