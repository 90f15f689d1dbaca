// Package app: the server that serves the routers main mounts on it. Run // want package:"program\\(starts\\(app\\.\\(\\*Server\\)\\.Run,app\\.\\(\\*Server\\)\\.Start\\)\\)"
// starts it; so does Start, through an unexported method it calls in a
// goroutine (inbucket's web.(*Server).Start).
package app

import "net/http"

type Server struct {
	mux *http.ServeMux
	srv *http.Server
}

func New() *Server {
	return &Server{mux: http.NewServeMux()}
}

// Mount registers h under p.
func (s *Server) Mount(p string, h http.Handler) {
	s.mux.Handle(p, h)
}

// Run serves the mounted routers: the package reads no body, so it has
// nothing to report itself.
func (s *Server) Run(addr string) error {
	srv := &http.Server{Addr: addr, Handler: s.mux}
	return srv.ListenAndServe()
}

// Start serves in a goroutine.
func (s *Server) Start(addr string) { // want Start:`servesField\(srv\)`
	s.srv = &http.Server{Addr: addr, Handler: s.mux}
	go s.serve()
}

func (s *Server) serve() {
	s.srv.ListenAndServe()
}

// Serve serves the handler its caller gives it: not a start site (the
// caller's handler, a serves fact, may be wrapped in a limit there).
func Serve(h http.Handler) error { // want Serve:"serves\\(0\\)"
	return http.ListenAndServe(":8081", h)
}
