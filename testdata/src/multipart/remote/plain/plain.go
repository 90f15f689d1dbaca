// Package plain serves handlers' routes with no middleware that copies // want package:"serverForms\\(forms\\(\\(\\*handlers\\.H\\)\\.avatar,handlers\\.logo,a func literal in handlers\\.Routes\\)\\)"
// the request: gin hands the handlers the server's own request, whose
// form net/http removes, so nothing is reported; the forms pass on to the
// packages that import this one.
package plain

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"multipart/remote/handlers"
	"multipart/remote/mw"
)

// Main serves the routes.
func Main() {
	r := gin.New()
	handlers.Routes(&r.RouterGroup, &mw.Limit{})
	http.ListenAndServe(":8080", r)
}
