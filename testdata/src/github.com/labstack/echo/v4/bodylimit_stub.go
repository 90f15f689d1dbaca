// Package echo is a stub of github.com/labstack/echo/v4 v4.16.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. Passes may add declarations in files of their own.
package echo

import "net/http"

// Routing and the response used by the bodylimit pass.

// Response wraps an http.ResponseWriter.
type Response struct {
	Writer http.ResponseWriter
}

func (r *Response) Header() http.Header         { return nil }
func (r *Response) WriteHeader(code int)        {}
func (r *Response) Write(b []byte) (int, error) { return len(b), nil }

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Echo is the top-level framework instance.
type Echo struct {
	HideBanner bool
}

// Group is a set of sub-routes.
type Group struct{}

// Route contains a handler and information for matching against requests.
type Route struct{}

func New() (e *Echo) { return &Echo{} }

func (e *Echo) Pre(middleware ...MiddlewareFunc)                             {}
func (e *Echo) Use(middleware ...MiddlewareFunc)                             {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)          { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)             {}
func (e *Echo) Start(address string) error                                   { return nil }
func (g *Group) Use(middleware ...MiddlewareFunc)                            {}
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
