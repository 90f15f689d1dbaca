// Package macaron is a stub of gopkg.in/macaron.v1 (v1.5.1) with the
// upstream signatures of what memlint's tests use.
package macaron

import (
	"io"
	"net/http"
)

// Handler can be any callable function.
type Handler interface{}

// Macaron represents the top level web application.
type Macaron struct {
	*Router
}

// New creates a bare bones Macaron instance.
func New() *Macaron { return &Macaron{Router: &Router{}} }

// Classic creates a classic Macaron with some basic default middleware.
func Classic() *Macaron { return New() }

// Use adds a middleware Handler to the stack.
func (m *Macaron) Use(handler Handler) {}

// ServeHTTP is the HTTP Entry point for a Macaron instance.
func (m *Macaron) ServeHTTP(rw http.ResponseWriter, req *http.Request) {}

// Run the http server.
func (m *Macaron) Run(args ...interface{}) {}

// Router represents a Macaron router layer.
type Router struct{}

// Route represents a wrapper of route.
type Route struct{}

// ComboRouter represents a combo router.
type ComboRouter struct{}

func (r *Router) Group(pattern string, fn func(), h ...Handler)                   {}
func (r *Router) Get(pattern string, h ...Handler) (leaf *Route)                  { return nil }
func (r *Router) Post(pattern string, h ...Handler) *Route                        { return nil }
func (r *Router) Put(pattern string, h ...Handler) *Route                         { return nil }
func (r *Router) Any(pattern string, h ...Handler) *Route                         { return nil }
func (r *Router) Handle(method string, pattern string, handlers []Handler) *Route { return nil }
func (r *Router) Combo(pattern string, h ...Handler) *ComboRouter                 { return nil }

func (cr *ComboRouter) Get(h ...Handler) *ComboRouter  { return cr }
func (cr *ComboRouter) Post(h ...Handler) *ComboRouter { return cr }

// Request represents an HTTP request received by a server or to be sent by a client.
type Request struct {
	*http.Request
}

// RequestBody represents a request body.
type RequestBody struct {
	reader io.ReadCloser
}

// Bytes reads and returns content of request body in bytes.
func (rb *RequestBody) Bytes() ([]byte, error) { return io.ReadAll(rb.reader) }

// Body returns the request body.
func (r *Request) Body() *RequestBody { return &RequestBody{r.Request.Body} }

// Context represents the runtime context of current request of Macaron instance.
type Context struct {
	Req  Request
	Resp http.ResponseWriter
}

// Query querys form parameter.
func (ctx *Context) Query(name string) string { return ctx.Req.Form.Get(name) }

// QueryInt returns query result in int type.
func (ctx *Context) QueryInt(name string) int { return 0 }

// QueryInt64 returns query result in int64 type.
func (ctx *Context) QueryInt64(name string) int64 { return 0 }

// Params returns value of given param name.
// e.g. ctx.Params(":uid") or ctx.Params("uid")
func (ctx *Context) Params(name string) string { return "" }

// ParamsInt returns params result in int type.
// e.g. ctx.ParamsInt(":uid")
func (ctx *Context) ParamsInt(name string) int { return 0 }
