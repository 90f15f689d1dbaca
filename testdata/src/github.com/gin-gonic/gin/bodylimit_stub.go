// Package gin is a stub of github.com/gin-gonic/gin v1.12.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. Passes may add methods in files of their own.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin/binding"
)

// Body readers and routing used by the bodylimit pass.

func (c *Context) GetRawData() ([]byte, error)                                    { return nil, nil }
func (c *Context) Bind(obj any) error                                             { return nil }
func (c *Context) BindJSON(obj any) error                                         { return nil }
func (c *Context) BindXML(obj any) error                                          { return nil }
func (c *Context) ContentType() string                                            { return "" }
func (c *Context) ShouldBindWith(obj any, b binding.Binding) error                { return nil }
func (c *Context) MustBindWith(obj any, b binding.Binding) error                  { return nil }
func (c *Context) ShouldBind(obj any) error                                       { return nil }
func (c *Context) ShouldBindJSON(obj any) error                                   { return nil }
func (c *Context) ShouldBindQuery(obj any) error                                  { return nil }
func (c *Context) ShouldBindXML(obj any) error                                    { return nil }
func (c *Context) ShouldBindYAML(obj any) error                                   { return nil }
func (c *Context) ShouldBindTOML(obj any) error                                   { return nil }
func (c *Context) ShouldBindBodyWithJSON(obj any) error                           { return nil }
func (c *Context) ShouldBindBodyWith(obj any, bb binding.BindingBody) (err error) { return nil }
func (c *Context) ShouldBindBodyWithXML(obj any) error                            { return nil }
func (c *Context) ShouldBindBodyWithYAML(obj any) error                           { return nil }
func (c *Context) ShouldBindBodyWithTOML(obj any) error                           { return nil }
func (c *Context) ShouldBindBodyWithPlain(obj any) error                          { return nil }
func (c *Context) Next()                                                          {}
func (c *Context) String(code int, format string, values ...any)                  {}

// OptionFunc configures an Engine.
type OptionFunc func(*Engine)

// IRoutes is gin's route registration interface.
type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
}

// RouterGroup is a group of routes sharing a prefix and middlewares.
type RouterGroup struct{}

func New(opts ...OptionFunc) *Engine     { return &Engine{} }
func Default(opts ...OptionFunc) *Engine { return &Engine{} }

// WrapH wraps an http.Handler into a gin middleware.
func WrapH(h http.Handler) HandlerFunc { return nil }

func Logger() HandlerFunc   { return nil }
func Recovery() HandlerFunc { return nil }

func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes {
	engine.RouterGroup.Use(middleware...) // as upstream: a framework's Use installs its parameters
	return engine
}
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) Handler() http.Handler                              { return engine }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return group
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
