// Package upstreamgin: a middleware that only parses, or only removes,
// is no upstream cleanup; handlers stay reported.
package upstreamgin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func countFiles(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if r.MultipartForm != nil { // removes, but never parses: no upstream cleanup
			_ = len(r.MultipartForm.File)
			r.MultipartForm.RemoveAll()
		}
	})
}

func inspect(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // parses and removes, but passes nothing on: a handler
	n := len(r.MultipartForm.File)
	r.MultipartForm.RemoveAll()
	_ = n
}

func upload(c *gin.Context) {
	if _, err := c.FormFile("f"); err != nil { // want `gin FormFile without RemoveAll`
		return
	}
}
