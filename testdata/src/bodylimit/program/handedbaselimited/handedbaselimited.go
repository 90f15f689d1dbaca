// Package handedbaselimited is handedbase over a router base that // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Create,ginhandlers\\.Report\\)\\)"
// bounds every body on the engine it makes: the server is bounded, and
// the program rule stays silent. Nothing this package sees limits bodies
// (its program fact says no limits): the router base's own package fact
// is what the getter rule reads.
package handedbaselimited

import (
	"net/http"

	"example.com/routers/limited"

	"bodylimit/program/ginhandlers"
)

type Router struct {
	*limited.Router
}

func NewRouter() *Router {
	router := &Router{Router: limited.NewRouterBase()}
	engine := router.Engine()
	engine.POST("/items", ginhandlers.Create)
	return router
}

type Context struct {
	server *http.Server
}

func New() *Context {
	router := NewRouter()
	return &Context{server: &http.Server{Addr: ":8080", Handler: router.Engine()}}
}

func (a *Context) Server() *http.Server { return a.server }
