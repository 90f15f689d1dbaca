package frameworks

import (
	"context"

	"github.com/gin-gonic/gin"
)

type traceKey struct{}

// withTrace puts a value in the request's context, so the gin handlers of
// this package get a copy of the server's request, whose multipart form
// net/http does not remove: their gin findings stand.
func withTrace(c *gin.Context) {
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), traceKey{}, "t"))
	c.Next()
}
