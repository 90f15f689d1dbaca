// Package flagginsmall sets its engine's MaxMultipartMemory below the
// flag: no size finding. Run with -multipart.max-memory=8MiB.
package flagginsmall

import "github.com/gin-gonic/gin"

func routes() *gin.Engine {
	g := gin.New()
	g.MaxMultipartMemory = 4 << 20
	g.POST("/upload", upload)
	return g
}

// Fine: the form is removed, and 4 MiB is under the lowered limit.
func upload(c *gin.Context) {
	form, err := c.MultipartForm()
	if err != nil {
		return
	}
	defer form.RemoveAll()
}
