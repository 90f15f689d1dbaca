// Package server builds the engine and installs otelgin, whose middleware // want package:"serverForms\\(covered\\(3\\)\\)"
// replaces c.Request with a copy: the forms handlers leaves to the
// server's cleanup are never removed, and are reported here, at the
// install (pocket-id's bootstrap).
package server

import (
	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"

	"multipart/remote/handlers"
	"multipart/remote/mw"
)

// Engine installs the tracing middleware and the handlers' routes.
func Engine(tracing bool) *gin.Engine {
	r := gin.New()
	if tracing {
		r.Use(otelgin.Middleware("svc")) // want `^3 gin handlers of the module's packages this one imports parse multipart forms without RemoveAll, first \(\*handlers\.H\)\.avatar \(gin FormFile at remote/handlers/handlers\.go:19\), and this package may replace gin's request with a copy here \(it installs otelgin\.Middleware on the engine\): the server only removes the original request's form, so the temporary files of a form parsed on the copy are never deleted; remove each form in its handler$`
	}
	handlers.Routes(&r.RouterGroup, &mw.Limit{})
	return r
}
