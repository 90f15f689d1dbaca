// Package mux is a stub of github.com/gorilla/mux v1.8.1 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package mux

import "net/http"

// Vars returns the route variables for the current request, if any.
func Vars(r *http.Request) map[string]string { return nil }

// Router registers routes to be matched and dispatches a handler.
type Router struct{}

// NewRouter returns a new router instance.
func NewRouter() *Router { return &Router{} }

// ServeHTTP dispatches the handler registered in the matched route.
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// Handle registers a new route with a matcher for the URL path.
func (r *Router) Handle(path string, handler http.Handler) *Route { return &Route{} }

// HandleFunc registers a new route with a matcher for the URL path.
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter,
	*http.Request)) *Route {
	return &Route{}
}

// Methods registers a new route with a matcher for HTTP methods.
func (r *Router) Methods(methods ...string) *Route { return &Route{} }

// PathPrefix registers a new route with a matcher for the URL path prefix.
func (r *Router) PathPrefix(tpl string) *Route { return &Route{} }

// MiddlewareFunc is a function which receives an http.Handler and returns
// another http.Handler.
type MiddlewareFunc func(http.Handler) http.Handler

// Use appends a MiddlewareFunc to the chain.
func (r *Router) Use(mwf ...MiddlewareFunc) {}

// Route stores information to match a request and build URLs.
type Route struct{}

// Handler sets a handler for the route.
func (r *Route) Handler(handler http.Handler) *Route { return r }

// HandlerFunc sets a handler function for the route.
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route { return r }

// Methods adds a matcher for HTTP methods.
func (r *Route) Methods(methods ...string) *Route { return r }

// Subrouter creates a subrouter for the route.
func (r *Route) Subrouter() *Router { return &Router{} }
