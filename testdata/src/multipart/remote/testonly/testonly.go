// Package testonly serves handlers' routes; only its test imports otelgin // want package:"serverForms\\(forms\\(\\(\\*handlers\\.H\\)\\.avatar,handlers\\.logo,a func literal in handlers\\.Routes\\)\\)"
// and assigns c.Request: a test installs nothing on the server, so
// nothing is reported.
package testonly

import (
	"github.com/gin-gonic/gin"

	"multipart/remote/handlers"
	"multipart/remote/mw"
)

// Engine builds the engine.
func Engine() *gin.Engine {
	r := gin.New()
	handlers.Routes(&r.RouterGroup, &mw.Limit{})
	return r
}
