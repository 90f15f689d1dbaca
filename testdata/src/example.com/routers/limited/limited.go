// Package limited is a router base that bounds every body on // want package:"program\\(limits\\)"
// the engine it makes, with a middleware of its own installed by Use:
// its program fact says it limits bodies, and no fact of NewRouterBase
// or Engine does, so an importer's getter rule must read the package's.
// (Its path has three elements, so that it is a module of its own and
// its program rule runs: example.com/routers/limited.)
package limited

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Router struct {
	engine *gin.Engine
}

func NewRouterBase() *Router {
	e := gin.New()
	e.Use(bound)
	return &Router{engine: e}
}

func bound(c *gin.Context) { // want bound:"limits\\(0\\)"
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	c.Next()
}

func (r *Router) Engine() *gin.Engine { return r.engine }
