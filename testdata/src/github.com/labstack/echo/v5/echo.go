// Package echo is a stub of github.com/labstack/echo/v5 v5.0.4 for memlint's
// tests: in v5, Context is a struct. It declares only what memlint's passes
// inspect, with the upstream signatures.
package echo

import (
	"mime/multipart"
	"net/http"
)

// Context is echo's request context.
type Context struct {
	request *http.Request
}

func (c *Context) Request() *http.Request           { return c.request }
func (c *Context) SetRequest(r *http.Request)       { c.request = r }
func (c *Context) Response() http.ResponseWriter    { return nil }
func (c *Context) Bind(i any) error                 { return nil }
func (c *Context) JSON(code int, i any) (err error) { return nil }
func (c *Context) JSONPretty(code int, i any, indent string) (err error) {
	return nil
}
func (c *Context) FormValue(name string) string                        { return "" }
func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) MultipartForm() (*multipart.Form, error)             { return nil, nil }

// HandlerFunc is an echo handler.
type HandlerFunc func(c *Context) error
