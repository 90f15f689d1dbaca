// Package handedbaselimited is handedbase over a router base that // want package:"program\\(limits reads\\(ginhandlers\\.List,ginhandlers\\.Create,ginhandlers\\.Report\\)\\)"
// bounds every body on the engine it makes: the server is bounded, and
// the program rule stays silent.
package handedbaselimited

import (
	"net/http"

	"example.com/routerbaselimited"

	"bodylimit/program/ginhandlers"
)

type Router struct {
	*routerbaselimited.Router
}

func NewRouter() *Router {
	router := &Router{Router: routerbaselimited.NewRouterBase()}
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
