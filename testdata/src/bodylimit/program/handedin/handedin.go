// Package handedin hands out a server of a handler its caller gives // want package:"program\\(reads\\(handedin\\.Events\\)\\)"
// (New(h)): the handler may be bounded by the caller, so the program
// rule does not report the package's unbounded read there.
package handedin

import (
	"io"
	"net/http"
)

type Context struct {
	server *http.Server
}

// Events reads its body whole; whoever serves it may bound it.
func Events(w http.ResponseWriter, r *http.Request) { // want Events:"reads\\(1:io.ReadAll\\)"
	io.ReadAll(r.Body)
}

func New(h http.Handler) *Context {
	return &Context{server: &http.Server{Addr: ":8080", Handler: h}}
}

func (a *Context) Server() *http.Server { return a.server }
