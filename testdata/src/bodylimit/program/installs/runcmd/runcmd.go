// Command runcmd starts the router of package handler in run, which // want package:"program\\(covered\\(1\\)\\)"
// installs the middleware main gives it: every call of run is here, and
// gives echo's logger, which bounds nothing, so the program rule reports
// run's server.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"bodylimit/program/installs/handler"
)

func run(addr string, mw echo.MiddlewareFunc) { // want run:`^installs\(1\)$`
	router := handler.NewRouter("items", mw)
	router.Start(addr) // want `^handler\.create \(echo Bind\) reads request bodies whole`
}

func main() {
	run(":8000", middleware.Logger())
}
