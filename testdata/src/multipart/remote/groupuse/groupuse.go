// Package groupuse installs copying middleware on a group only, not on // want package:"serverForms\\(forms\\(\\(\\*handlers\\.H\\)\\.avatar,handlers\\.logo,a func literal in handlers\\.Routes\\)\\)"
// the engine: the copy reaches the group's routes, and handlers' routes
// are registered on the engine's own group, so nothing is reported
// (gin-vue-admin's plugins add DataScope to their private groups).
package groupuse

import (
	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"

	"multipart/remote/handlers"
	"multipart/remote/mw"
)

// Engine builds the engine.
func Engine() *gin.Engine { // want Engine:"copiesRequest\\(gin\\)"
	r := gin.New()
	private := r.Group("/private")
	private.Use(otelgin.Middleware("svc"), mw.Trace())
	handlers.Routes(&r.RouterGroup, &mw.Limit{})
	return r
}
