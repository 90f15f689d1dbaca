// Package echoguard installs mw.Timeout, which copies the request, but // want package:"serverForms\\(covered\\(1\\)\\)"
// also echo's BodyLimit on the engine: bodies are bounded, the form most
// likely fits in memory and no file is left behind, so nothing is
// reported (vikunja's BodyLimit of its upload size plus 2 MiB).
package echoguard

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
	e.Use(mw.Timeout(30 * time.Second))
	e.Use(middleware.BodyLimit("20M"))
	echohandlers.Routes(e)
	e.Start(":8080")
}
