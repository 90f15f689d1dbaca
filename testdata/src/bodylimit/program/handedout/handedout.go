// Package handedout builds its API server and hands it out through an // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Report\\) covered\\(1\\)\\)"
// exported method, which another module's runner starts through an
// interface (bulker's app.Context.Server() *http.Server): no start is
// visible, so the program rule reports at the server's literal.
package handedout

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"bodylimit/program/ginhandlers"
)

type Context struct {
	server *http.Server
}

func routes() *gin.Engine {
	engine := gin.New()
	engine.POST("/items", ginhandlers.Create)
	return engine
}

func New() *Context {
	a := &Context{}
	a.server = &http.Server{Addr: ":8080", Handler: routes()} // want `^ginhandlers\.Create \(gin ShouldBind\) reads request bodies whole with no body limit in this package or the module's packages it imports; a server of the package's handler is built here and handed out by handedout\.\(\*Context\)\.Server, so a client`
	return a
}

func (a *Context) Server() *http.Server { return a.server }

func (a *Context) Shutdown() error { return a.server.Close() }
