// Package echooriginal serves echo handlers the server's own request: echo // want package:"serverForms\\(forms\\(echooriginal\\.upload,echooriginal\\.uploadForm\\)\\)"
// never copies it, and nothing here replaces it (no SetRequest, no
// copying middleware), so net/http removes the multipart form after the
// handler (listmonk's media and import uploads).
package echooriginal

import (
	"context"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func upload(c echo.Context) error {
	fh, err := c.FormFile("file") // fine: c.Request() is the server's request, cleaned up by net/http
	if err != nil {
		return err
	}
	_ = fh
	return nil
}

func uploadForm(c echo.Context) error {
	form, err := c.MultipartForm() // fine: the same
	if err != nil {
		return err
	}
	_ = form
	return nil
}

type key struct{}

func uploadCopy(c echo.Context) error {
	r := c.Request().WithContext(context.WithValue(c.Request().Context(), key{}, 1))
	r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm on r, a copy of the request, without r.MultipartForm.RemoveAll\(\)`
	return nil
}

func Serve() {
	e := echo.New()
	e.Use(middleware.Logger())
	e.POST("/upload", upload)
	e.POST("/form", uploadForm)
	e.POST("/copy", uploadCopy)
	e.Start(":8080")
}
