// Package flaggin sets its gin engine's MaxMultipartMemory: a size finding
// names that value, not gin's 32 MiB default. Run with
// -multipart.max-memory=8MiB.
package flaggin

import "github.com/gin-gonic/gin"

func routes() *gin.Engine {
	g := gin.New()
	g.MaxMultipartMemory = 16 << 20
	g.POST("/upload", upload)
	return g
}

func upload(c *gin.Context) {
	form, err := c.MultipartForm() // want `^gin MultipartForm with maxMemory 16 MiB exceeds max-memory \(8 MiB\)`
	if err != nil {
		return
	}
	defer form.RemoveAll()
}
