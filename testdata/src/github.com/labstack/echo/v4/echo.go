// Package echo is a stub of github.com/labstack/echo/v4 v4.16.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. Passes may add declarations in files of their own.
package echo

import (
	"mime/multipart"
	"net/http"
)

// Context is echo's request context (a subset of the upstream interface).
type Context interface {
	Request() *http.Request
	SetRequest(r *http.Request)
	Param(name string) string
	QueryParam(name string) string
	FormValue(name string) string
	FormFile(name string) (*multipart.FileHeader, error)
	MultipartForm() (*multipart.Form, error)
	JSON(code int, i any) error
	JSONPretty(code int, i any, indent string) error
	Response() *Response
	Bind(i any) error
}

// HandlerFunc is an echo handler.
type HandlerFunc func(c Context) error
