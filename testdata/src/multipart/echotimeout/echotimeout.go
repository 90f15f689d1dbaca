// Package echotimeout installs echo's ContextTimeout middleware, which
// hands the handlers behind it a copy of the request (c.SetRequest(
// c.Request().WithContext(ctx))): a form parsed on it is never removed.
package echotimeout

import (
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func upload(c echo.Context) error {
	fh, err := c.FormFile("file") // want `^echo FormFile without RemoveAll of c's multipart form on every path: if the request is a copy made by a middleware \(this package may replace echo's request: it calls middleware.ContextTimeout\), its temporary files are never deleted`
	if err != nil {
		return err
	}
	_ = fh
	return nil
}

func Serve() { // want Serve:"copiesRequest\\(echo\\)"
	e := echo.New()
	e.Use(middleware.ContextTimeout(30 * time.Second))
	e.POST("/upload", upload)
	e.Start(":8080")
}
