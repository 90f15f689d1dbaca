// Package localserver installs otelgin over localcopy's routes: its form
// was reported in localcopy already, so nothing is reported twice.
package localserver

import (
	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"

	"multipart/remote/localcopy"
)

// Engine builds the engine.
func Engine() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("svc"))
	localcopy.Routes(r)
	return r
}
