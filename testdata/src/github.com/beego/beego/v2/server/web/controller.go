// Package web is a stub of github.com/beego/beego/v2/server/web (v2.3.8)
// with the upstream signatures of what memlint's tests use.
package web

import (
	"mime/multipart"
	"net/url"

	"github.com/beego/beego/v2/server/web/context"
)

// Controller defines some basic http request handler operations.
type Controller struct {
	Ctx  *context.Context
	Data map[interface{}]interface{}
}

// ControllerInterface is an interface to uniform all controller handler.
// Upstream it has more methods (Init, Get, Post, Delete, Put, Head,
// Patch, Options, Trace, Render, URLMapping, ...), all of which
// web.Controller implements; the stub keeps two of them, enough for
// &MyController{} to be passed to Router.
type ControllerInterface interface {
	Prepare()
	Finish()
}

// Prepare runs after Init before request function execution.
func (c *Controller) Prepare() {}

// Finish runs after request function execution.
func (c *Controller) Finish() {}

// Get adds a request function to handle GET request.
func (c *Controller) Get() {}

// Bind binds the request body to obj by its content type.
func (c *Controller) Bind(obj interface{}) error { return nil }

// BindYAML only read data from http request body.
func (c *Controller) BindYAML(obj interface{}) error { return nil }

// BindForm parses form values to struct via tag.
func (c *Controller) BindForm(obj interface{}) error { return nil }

// BindJSON only read data from http request body.
func (c *Controller) BindJSON(obj interface{}) error { return nil }

// BindXML only read data from http request body.
func (c *Controller) BindXML(obj interface{}) error { return nil }

// ServeJSON sends a json response with encoding charset.
func (c *Controller) ServeJSON(encoding ...bool) error { return nil }

// Input returns the input data map from POST or PUT request body and query string.
func (c *Controller) Input() (url.Values, error) { return nil, nil }

// ParseForm maps input data map to obj struct.
func (c *Controller) ParseForm(obj interface{}) error { return nil }

// GetString returns the input value by key string or the default value while it's present and input is blank
func (c *Controller) GetString(key string, def ...string) string { return "" }

// GetStrings returns the input string slice by key string or the default value while it's present and input is blank
func (c *Controller) GetStrings(key string, def ...[]string) []string { return nil }

// GetInt returns input as an int or the default value while it's present and input is blank
func (c *Controller) GetInt(key string, def ...int) (int, error) { return 0, nil }

// GetInt8 return input as an int8 or the default value while it's present and input is blank
func (c *Controller) GetInt8(key string, def ...int8) (int8, error) { return 0, nil }

// GetUint8 return input as an uint8 or the default value while it's present and input is blank
func (c *Controller) GetUint8(key string, def ...uint8) (uint8, error) { return 0, nil }

// GetInt16 returns input as an int16 or the default value while it's present and input is blank
func (c *Controller) GetInt16(key string, def ...int16) (int16, error) { return 0, nil }

// GetUint16 returns input as an uint16 or the default value while it's present and input is blank
func (c *Controller) GetUint16(key string, def ...uint16) (uint16, error) { return 0, nil }

// GetInt32 returns input as an int32 or the default value while it's present and input is blank
func (c *Controller) GetInt32(key string, def ...int32) (int32, error) { return 0, nil }

// GetUint32 returns input as an uint32 or the default value while it's present and input is blank
func (c *Controller) GetUint32(key string, def ...uint32) (uint32, error) { return 0, nil }

// GetInt64 returns input value as int64 or the default value while it's present and input is blank.
func (c *Controller) GetInt64(key string, def ...int64) (int64, error) { return 0, nil }

// GetUint64 returns input value as uint64 or the default value while it's present and input is blank.
func (c *Controller) GetUint64(key string, def ...uint64) (uint64, error) { return 0, nil }

// GetBool returns input value as bool or the default value while it's present and input is blank.
func (c *Controller) GetBool(key string, def ...bool) (bool, error) { return false, nil }

// GetFloat returns input value as float64 or the default value while it's present and input is blank.
func (c *Controller) GetFloat(key string, def ...float64) (float64, error) { return 0, nil }

// GetFile returns the file data in file upload field named as key.
func (c *Controller) GetFile(key string) (multipart.File, *multipart.FileHeader, error) {
	return nil, nil, nil
}

// HandleFunc define how to process the request
type HandleFunc func(ctx *context.Context)

// FilterFunc defines a filter function which is invoked before the controller handler is executed.
type FilterFunc = HandleFunc

// The filter positions.
const (
	BeforeStatic = iota
	BeforeRouter
	BeforeExec
	AfterExec
	FinishRouter
)

// HttpServer defines beego application with a new PatternServeMux.
type HttpServer struct{}

// Router adds a patterned controller handler to BeeApp.
func Router(rootpath string, c ControllerInterface, mappingMethods ...string) *HttpServer {
	return nil
}

// Get used to register router for Get method
func Get(rootpath string, f HandleFunc) *HttpServer { return nil }

// InsertFilter adds a FilterFunc with pattern condition and action constant.
func InsertFilter(pattern string, pos int, filter FilterFunc, opts ...FilterOpt) *HttpServer {
	return nil
}

// FilterOpt is an option of InsertFilter.
type FilterOpt func(opts *filterOpts)

type filterOpts struct{}

// Run beego application.
func Run(params ...string) {}
