// Package upload has a handler that bounds its own body, then parses
// the form (komari's upload Chunk): its fact says it consumes its limit,
// so the packages registering it do not take it for a middleware.
package upload

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Chunk(c *gin.Context) { // want Chunk:"limits\\(0\\) consumes"
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 6<<20)
	_ = c.PostForm("upload_id")
}
