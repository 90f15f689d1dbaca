// Package routerbaselimited is a router base that bounds every body on
// the engine it makes.
package routerbaselimited

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Router struct {
	engine *gin.Engine
}

func NewRouterBase() *Router { // want NewRouterBase:"limiter"
	e := gin.New()
	e.Use(func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
		c.Next()
	})
	return &Router{engine: e}
}

func (r *Router) Engine() *gin.Engine { return r.engine }
