// Package chi is a stub of github.com/go-chi/chi/v5 v5.5.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package chi

import "net/http"

// Routing used by the bodylimit pass.

// Mux is a simple HTTP route multiplexer.
type Mux struct{}

// NewRouter returns a new Mux object that implements the Router interface.
func NewRouter() *Mux { return &Mux{} }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)      {}
func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler)    {}
func (mx *Mux) Handle(pattern string, handler http.Handler)           {}
func (mx *Mux) HandleFunc(pattern string, handlerFn http.HandlerFunc) {}
func (mx *Mux) Method(method, pattern string, handler http.Handler)   {}
func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)        {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)       {}
func (mx *Mux) Put(pattern string, handlerFn http.HandlerFunc)        {}
func (mx *Mux) Mount(pattern string, handler http.Handler)            {}
