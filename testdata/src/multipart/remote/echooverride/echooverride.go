// Package echooverride installs mw.Timeout, which copies the request, // want package:"serverForms\\(covered\\(1\\)\\)"
// and, in Pre, echo's MethodOverride reading the method from a form
// field: that parses the form on the server's request before any copy is
// made, the copy shares it, the handler's parse does nothing and net/http
// removes the files; nothing is reported (opengist).
package echooverride

import (
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"multipart/remote/echohandlers"
	"multipart/remote/mw"
)

// Main serves the routes.
func Main() { // want Main:"copiesRequest\\(echo\\)"
	e := echo.New()
	e.Pre(middleware.MethodOverrideWithConfig(middleware.MethodOverrideConfig{
		Getter: middleware.MethodFromForm("_method"),
	}))
	e.Use(mw.Timeout(30 * time.Second))
	echohandlers.Routes(e)
	e.Start(":8080")
}
