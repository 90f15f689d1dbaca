// Package routerbase is another module's router base (bulker's
// jitsubase appbase.Router): it makes a gin engine with a library's
// middleware and hands it out through a getter.
package routerbase

import "github.com/gin-gonic/gin"

type Router struct {
	engine *gin.Engine
}

func NewRouterBase() *Router {
	e := gin.New()
	e.Use(gin.Recovery())
	return &Router{engine: e}
}

func (r *Router) Engine() *gin.Engine { return r.engine }
