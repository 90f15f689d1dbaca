// Package ginotel installs otelgin, whose middleware replaces c.Request
// with a copy carrying the span: a form parsed on it is never removed.
package ginotel

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
)

func upload(c *gin.Context) {
	fh, err := c.FormFile("file") // want `^gin FormFile without RemoveAll of c's multipart form on every path: if the request is a copy`
	if err != nil {
		return
	}
	_ = fh
}

func Serve() {
	r := gin.New()
	r.Use(otelgin.Middleware("svc"))
	r.POST("/upload", upload)
	http.ListenAndServe(":8080", r)
}
