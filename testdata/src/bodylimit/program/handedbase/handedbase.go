// Package handedbase registers its routes on the engine of another // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Report\\) covered\\(1\\)\\)"
// module's router base it embeds, through the promoted getter, and hands
// out a server of router.Engine() (bulker's app.Router and
// app.Context.Server()): the getter returns the package's router, so
// the program rule reports at the server's literal.
package handedbase

import (
	"net/http"

	"example.com/routerbase"

	"bodylimit/program/ginhandlers"
)

type Router struct {
	*routerbase.Router
}

func NewRouter() *Router {
	router := &Router{Router: routerbase.NewRouterBase()}
	engine := router.Engine()
	engine.POST("/items", ginhandlers.Create)
	return router
}

type Context struct {
	server *http.Server
}

func New() *Context {
	router := NewRouter()
	return &Context{server: &http.Server{Addr: ":8080", Handler: router.Engine()}} // want `^ginhandlers\.Create \(gin ShouldBind\) reads request bodies whole .* handed out by handedbase\.\(\*Context\)\.Server,`
}

func (a *Context) Server() *http.Server { return a.server }
