// Command runlimited is runcmd with echo's BodyLimit given to run: the // want package:"program\\(limits reads\\(handler\\.create\\)\\)"
// module bounds bodies, so silent.
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"bodylimit/program/installs/handler"
)

func run(addr string, mw echo.MiddlewareFunc) { // want run:`^installs\(1\)$`
	router := handler.NewRouter("items", mw)
	router.Start(addr) // fine: main gives run a middleware that bounds bodies
}

func main() {
	run(":8000", middleware.BodyLimit("1M"))
}
