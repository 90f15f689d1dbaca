// Package web is a service's web server, shaped like Focalboard's: it // want package:"program\\(starts\\(web\\.\\(\\*Server\\)\\.Start\\)\\)"
// embeds the http.Server it starts, whose Handler is a router it makes,
// and other packages register their routes on that router through an
// interface (AddRoutes).
package web

import (
	"net/http"

	"github.com/gorilla/mux"
)

// RoutedService is what registers routes on the server's router.
type RoutedService interface {
	RegisterRoutes(*mux.Router)
}

// Server embeds the http.Server it starts.
type Server struct {
	http.Server

	port int
}

// NewServer makes the router the server serves.
func NewServer(port int) *Server {
	r := mux.NewRouter()
	return &Server{
		Server: http.Server{
			Addr:    ":8000",
			Handler: r,
		},
		port: port,
	}
}

// Router returns the server's router.
func (ws *Server) Router() *mux.Router {
	return ws.Server.Handler.(*mux.Router)
}

// AddRoutes has a service register its routes on the router.
func (ws *Server) AddRoutes(rs RoutedService) {
	rs.RegisterRoutes(ws.Router())
}

// Start starts the server in a goroutine: a start site, judged where an
// importer calls it. (servesField is the graceful-wrapper fact: a server
// in that field with the Handler a keeps function's caller set; no such
// function here.)
func (ws *Server) Start() { // want Start:"servesField\\(Server\\)"
	if ws.port == -1 {
		return
	}
	go func() {
		if err := ws.ListenAndServe(); err != http.ErrServerClosed {
			panic(err)
		}
	}()
}
