// Package echoserver installs mw.Timeout, a middleware of another package // want package:"serverForms\\(covered\\(1\\)\\)"
// of the module that calls c.SetRequest with a WithContext copy: the
// echo form of echohandlers is reported at that call (go-clean-arch's
// main).
package echoserver

import (
	"time"

	"github.com/labstack/echo/v4"

	"multipart/remote/echohandlers"
	"multipart/remote/mw"
)

// Main serves the routes.
func Main() { // want Main:"copiesRequest\\(echo\\)"
	e := echo.New()
	e.Use(mw.Timeout(30 * time.Second)) // want `^echohandlers\.upload parses a multipart form \(echo FormFile at remote/echohandlers/echohandlers\.go:9\) without RemoveAll, and this package may replace echo's request with a copy here \(it installs mw\.Timeout on the engine, which replaces echo's request \(remote/mw/mw\.go:50\)\)`
	echohandlers.Routes(e)
	e.Start(":8080")
}
