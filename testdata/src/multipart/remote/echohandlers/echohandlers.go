// Package echohandlers serves an echo upload and replaces no request: // want package:"serverForms\\(forms\\(echohandlers\\.upload\\)\\)"
// its form is left to the server's cleanup (go-clean-arch's rest
// package, whose timeout middleware lives in another package).
package echohandlers

import "github.com/labstack/echo/v4"

func upload(c echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return err
	}
	_ = fh
	return nil
}

// Routes registers the handler.
func Routes(e *echo.Echo) {
	e.POST("/upload", upload)
}
