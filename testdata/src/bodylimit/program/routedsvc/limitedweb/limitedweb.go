// Package limitedweb is web with a body limit on its router: an importer // want package:"program\\(limits starts\\(limitedweb\\.\\(\\*Server\\)\\.Start\\)\\)"
// starting it serves bounded bodies, whatever the services register.
package limitedweb

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
	r.Use(limitBodies)
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

func limitBodies(next http.Handler) http.Handler { // want limitBodies:"limiter"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}
