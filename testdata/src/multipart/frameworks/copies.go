package frameworks

import (
	"context"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

type traceKey struct{}

// withTrace puts a value in the request's context, so the gin handlers of
// this package get a copy of the server's request, whose multipart form
// net/http does not remove: their gin findings stand.
func withTrace(c *gin.Context) { // want withTrace:"copiesRequest\\(gin\\)"
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), traceKey{}, "t"))
	c.Next()
}

// withEchoTrace does the same for the echo handlers: c.SetRequest hands
// them a copy, so their echo findings stand.
func withEchoTrace(next echo.HandlerFunc) echo.HandlerFunc { // want withEchoTrace:"copiesRequest\\(echo\\)"
	return func(c echo.Context) error {
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), traceKey{}, "t")))
		return next(c)
	}
}
