// Package localcopy replaces c.Request itself: its handler's form is
// reported here, by the in-package rule, and not passed on.
package localcopy

import (
	"context"

	"github.com/gin-gonic/gin"
)

func trace(c *gin.Context) { // want trace:"copiesRequest\\(gin\\)"
	c.Request = c.Request.WithContext(context.Background())
	c.Next()
}

func upload(c *gin.Context) {
	fh, err := c.FormFile("file") // want `^gin FormFile without RemoveAll of c's multipart form on every path: if the request is a copy made by a middleware \(this package may replace gin's request: it assigns a gin.Context's Request\)`
	if err != nil {
		return
	}
	_ = fh
}

// Routes registers the middleware and the handler.
func Routes(r *gin.Engine) {
	r.Use(trace)
	r.POST("/upload", upload)
}
