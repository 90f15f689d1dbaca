// Package fiber is a stub of github.com/gofiber/fiber/v2 v2.52.15 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures. Passes may add declarations in files of their own.
package fiber

import "mime/multipart"

// Ctx is fiber's request context (v2: a struct used through a pointer).
type Ctx struct{}

// Handler is a fiber handler.
type Handler = func(*Ctx) error

func (c *Ctx) Query(key string, defaultValue ...string) string        { return "" }
func (c *Ctx) QueryInt(key string, defaultValue ...int) int           { return 0 }
func (c *Ctx) Params(key string, defaultValue ...string) string       { return "" }
func (c *Ctx) ParamsInt(key string, defaultValue ...int) (int, error) { return 0, nil }
func (c *Ctx) FormValue(key string, defaultValue ...string) string    { return "" }
func (c *Ctx) Body() []byte                                           { return nil }

func (c *Ctx) FormFile(key string) (*multipart.FileHeader, error) { return nil, nil }
func (c *Ctx) MultipartForm() (*multipart.Form, error)            { return nil, nil }

func (c *Ctx) JSON(data interface{}, ctype ...string) error { return nil }
func (c *Ctx) Send(body []byte) error                       { return nil }
func (c *Ctx) Write(p []byte) (int, error)                  { return 0, nil }
