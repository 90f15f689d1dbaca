// Package context is a stub of github.com/beego/beego/v2/server/web/context
// (v2.3.8) with the upstream signatures of what memlint's tests use.
package context

import (
	"net/http"
	"time"
)

// Context Http request context struct including BeegoInput, BeegoOutput,
// http.Request and http.ResponseWriter.
type Context struct {
	Input          *BeegoInput
	Output         *BeegoOutput
	Request        *http.Request
	ResponseWriter *Response
}

// Bind binds the request body to obj by its content type.
func (ctx *Context) Bind(obj interface{}) error { return nil }

// BindYAML only read data from http request body.
func (ctx *Context) BindYAML(obj interface{}) error { return nil }

// BindForm will parse form values to struct via tag.
func (ctx *Context) BindForm(obj interface{}) error { return nil }

// BindJSON only read data from http request body.
func (ctx *Context) BindJSON(obj interface{}) error { return nil }

// BindXML only read data from http request body.
func (ctx *Context) BindXML(obj interface{}) error { return nil }

// JSONResp uses Resp to send JSON response.
func (ctx *Context) JSONResp(data interface{}) error { return nil }

// WriteString writes a string to the http response.
func (ctx *Context) WriteString(content string) {}

// Response is a wrapper for the http.ResponseWriter.
type Response struct {
	http.ResponseWriter
	Started bool
	Status  int
	Elapsed time.Duration
}

// BeegoInput operates the http request header, data, cookie and body.
type BeegoInput struct {
	Context     *Context
	RequestBody []byte
	RunMethod   string
}

// Param returns router param by a given key.
func (input *BeegoInput) Param(key string) string { return "" }

// Query returns input data item string by a given string.
func (input *BeegoInput) Query(key string) string { return "" }

// CopyBody returns the raw request body data as bytes.
func (input *BeegoInput) CopyBody(MaxMemory int64) []byte { return nil }

// Bind data from request.Form[key] to dest.
func (input *BeegoInput) Bind(dest interface{}, key string) error { return nil }

// BeegoOutput does work for sending response header.
type BeegoOutput struct {
	Context    *Context
	Status     int
	EnableGzip bool
}

// Body sets response body content.
func (output *BeegoOutput) Body(content []byte) error { return nil }

// JSON writes json to the response body.
func (output *BeegoOutput) JSON(data interface{}, hasIndent bool, encoding bool) error { return nil }
