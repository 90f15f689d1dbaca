// Package flaggindefault sets no engine's MaxMultipartMemory: the size
// finding says the 32 MiB is gin's default, since an engine configured in
// another package is not seen. Run with -multipart.max-memory=8MiB.
package flaggindefault

import "github.com/gin-gonic/gin"

func upload(c *gin.Context) {
	form, err := c.MultipartForm() // want `^gin MultipartForm with maxMemory 32 MiB \(gin's default MaxMultipartMemory: no engine in this package sets it\) exceeds max-memory \(8 MiB\)`
	if err != nil {
		return
	}
	defer form.RemoveAll()
}
