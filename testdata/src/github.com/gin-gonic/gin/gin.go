// Package gin is a stub of github.com/gin-gonic/gin v1.12.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. Passes may add methods in files of their own.
package gin

import (
	"mime/multipart"
	"net/http"
)

// ResponseWriter is gin's response writer.
type ResponseWriter interface {
	http.ResponseWriter
}

// Context is gin's request context.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
}

// HandlerFunc is a gin handler.
type HandlerFunc func(*Context)

// Engine is gin's router.
type Engine struct {
	RouterGroup
	// MaxMultipartMemory is given to http.Request's ParseMultipartForm (default 32 MiB).
	MaxMultipartMemory int64
}

func (c *Context) Param(key string) string                      { return "" }
func (c *Context) Query(key string) (value string)              { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string { return "" }
func (c *Context) GetQuery(key string) (string, bool)           { return "", false }
func (c *Context) PostForm(key string) (value string)           { return "" }

func (c *Context) FormFile(name string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Context) MultipartForm() (*multipart.Form, error)             { return nil, nil }

func (c *Context) JSON(code int, obj any)         {}
func (c *Context) IndentedJSON(code int, obj any) {}
