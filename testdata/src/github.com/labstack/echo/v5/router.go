package echo

import "net/http"

// Echo is echo's router and server.
type Echo struct{}

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// RouteInfo describes a registered route.
type RouteInfo struct {
	Name   string
	Method string
	Path   string
}

func New() *Echo                                                               { return &Echo{} }
func (e *Echo) Use(middleware ...MiddlewareFunc)                               {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo  { return RouteInfo{} }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) RouteInfo { return RouteInfo{} }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)               {}
