// Package mw defines a body limit that the module uses on one route only // want package:"program\\(routeLimiters\\(1\\)\\)"
// (pocket-id's FileSizeLimitMiddleware): its definition alone is no
// limit for the module, its uses judge it.
package mw

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type FileSizeLimit struct{}

func New() *FileSizeLimit { return &FileSizeLimit{} }

func (m *FileSizeLimit) Add(n int64) gin.HandlerFunc { // want Add:`limiter`
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, n)
		c.Next()
	}
}
