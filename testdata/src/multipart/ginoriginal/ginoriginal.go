// Package ginoriginal serves gin handlers the server's own request: gin // want package:"serverForms\\(forms\\(ginoriginal\\.upload,ginoriginal\\.uploadForm\\)\\)"
// never copies it, and nothing here replaces c.Request, so net/http
// removes the multipart form after the handler (alist's FsForm).
package ginoriginal

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func upload(c *gin.Context) {
	fh, err := c.FormFile("file") // fine: c.Request is the server's request, cleaned up by net/http
	if err != nil {
		return
	}
	_ = fh
}

func uploadForm(c *gin.Context) {
	form, err := c.MultipartForm() // fine: the same
	if err != nil {
		return
	}
	_ = form
}

func Serve() {
	r := gin.New()
	r.POST("/upload", upload)
	r.POST("/form", uploadForm)
	http.ListenAndServe(":8080", r)
}
