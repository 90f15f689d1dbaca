// Package echov5app: echo v5 handlers, whose Context is a struct. // want package:"program\\(covered\\(2\\)\\)"
package echov5app

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v5"
)

type item struct{ Name string }

// v5's Bind decodes the body through the echo's JSONSerializer, whole.
func bind(c *echo.Context) error { // want bind:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it) // want `^echo Bind reads the whole request body into memory with no limit on this route, so a client decides its size; bound it first with c.Request\(\).Body = http.MaxBytesReader\(c.Response\(\), c.Request\(\).Body, 1<<20\)`
}

// Fine: the body is bounded before Bind reads it.
func boundedBind(c *echo.Context) error { // want boundedBind:`limits\(0\)`
	c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body, 1<<20)
	var it item
	return c.Bind(&it)
}

// An uploaded file read whole: the form keeps at most its maxMemory in
// memory, the read keeps the whole file.
func upload(c *echo.Context) error { // want upload:`reads\(0:io.ReadAll of an uploaded file\)`
	fh, err := c.FormFile("file")
	if err != nil {
		return err
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f) // want `^io.ReadAll reads a whole uploaded file into memory with no limit on this route`
	if err != nil {
		return err
	}
	_ = data
	return nil
}

func serve() {
	e := echo.New()
	e.POST("/a", bind)
	e.POST("/b", boundedBind)
	e.POST("/upload", upload)
	http.ListenAndServe(":8080", e)
}
