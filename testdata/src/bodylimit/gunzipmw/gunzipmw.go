// Package gunzipmw: middlewares that replace the request body with a // want package:"program\\(covered\\(1\\)\\)"
// decompressor over it, or with bytes already in memory, bound nothing.
package gunzipmw

import (
	"bytes"
	"compress/gzip"
	"io"

	"github.com/gin-gonic/gin"
)

type item struct{ Name string }

// gunzip decompresses gzip bodies for the handlers after it (one-api's
// GzipDecodeMiddleware): the handlers read more bytes than the client
// sent, not fewer, so it is no limit and has no fact.
func gunzip(c *gin.Context) {
	if c.Request.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(c.Request.Body)
		if err != nil {
			return
		}
		defer zr.Close()
		c.Request.Body = io.NopCloser(zr)
	}
	c.Next()
}

// gunzipDirect assigns the *gzip.Reader itself (gin-contrib/gzip's
// DefaultDecompressHandle): no limit either.
func gunzipDirect(c *gin.Context) {
	zr, err := gzip.NewReader(c.Request.Body)
	if err != nil {
		return
	}
	c.Request.Body = zr
	c.Next()
}

// replay gives the request a body of bytes already in memory, through a
// variable: no limit.
func replay(c *gin.Context) {
	b := bytes.NewBuffer([]byte("{}"))
	c.Request.Body = io.NopCloser(b)
	c.Next()
}

func create(c *gin.Context) { // want create:`reads\(0:gin ShouldBindJSON\)`
	var it item
	c.ShouldBindJSON(&it) // want `gin ShouldBindJSON reads the whole request body into memory with no limit on this route`
}

func main() {
	r := gin.New()
	r.Use(gunzip, gunzipDirect, replay)
	r.POST("/items", create)
	r.Run(":8080")
}
