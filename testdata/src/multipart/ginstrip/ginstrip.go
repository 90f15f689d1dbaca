// Package ginstrip serves its gin engine under http.StripPrefix, which
// hands the engine a copy of the request: a form parsed there is never
// removed.
package ginstrip

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func upload(c *gin.Context) {
	fh, err := c.FormFile("file") // want `^gin FormFile without RemoveAll of c's multipart form on every path: if the request is a copy`
	if err != nil {
		return
	}
	_ = fh
}

func Serve() { // want Serve:"copiesRequest\\(gin\\)"
	r := gin.New()
	r.POST("/upload", upload)
	http.Handle("/api/", http.StripPrefix("/api", r))
	http.ListenAndServe(":8080", nil)
}
