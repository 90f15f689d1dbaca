// Package fieldexported: servers in fields an importer may set. // want package:"program\\(reads\\(fieldexported\\.\\(\\*App\\)\\.create\\) starts\\(fieldexported\\.\\(\\*App\\)\\.Start\\)\\)"
package fieldexported

import (
	"io"
	"net/http"
)

type App struct {
	Server *http.Server // exported: an importer may set it, with a limit
	server *http.Server
}

func (a *App) create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:io.ReadAll\\)"
	io.ReadAll(r.Body)
}

// New gives the exported field a server, which an importer may replace.
func New() *App {
	a := &App{}
	a.Server = &http.Server{Addr: ":8080", Handler: http.HandlerFunc(a.create)}
	return a
}

func (a *App) Start() error {
	// fine here: the exported field may hold a server an importer gave,
	// so Start is a start site, judged where an importer calls it
	// (fieldexportedcmd, fieldexportedlimited; soft-serve's
	// web.(*HTTPServer).ListenAndServe, called from its cmd).
	return a.Server.ListenAndServe()
}

// With takes its server from the caller, which may bound it.
func With(srv *http.Server) *App { // want With:`keeps\(0\)\.server`
	return &App{server: srv}
}

func (a *App) Run() error {
	return a.server.ListenAndServe() // fine: the field holds the caller's server
}
