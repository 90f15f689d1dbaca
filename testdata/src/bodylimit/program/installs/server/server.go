// Package server starts the routers of package handler (hanko's // want package:"program\\(reads\\(handler\\.create\\) starts\\(server\\.Start,server\\.StartAdmin\\)\\)"
// server.StartPublic): Start hands its own parameter on to one
// NewRouter installs, through serve, so both install it too, and their
// callers judge it. Nothing is reported here: a caller may give a
// middleware that bounds bodies; the calls of Start and StartAdmin are
// where the program rule reports.
package server

import (
	"github.com/labstack/echo/v4"

	"bodylimit/program/installs/handler"
)

func Start(addr string, prometheus echo.MiddlewareFunc) { // want Start:`^installs\(1\)$`
	serve(addr, prometheus)
}

func serve(addr string, mw echo.MiddlewareFunc) { // want serve:`^installs\(1\)$`
	router := handler.NewRouter("items", mw)
	router.Start(addr) // fine: mw is Start's callers' to judge
}

// StartAdmin installs nothing, but its server serves the same module's
// handlers: whether the module bounds bodies depends on what Start's
// callers give, so it too is reported at its callers.
func StartAdmin(addr string) {
	router := handler.NewAdminRouter()
	router.Start(addr) // fine: reported at the callers of StartAdmin (see above)
}
