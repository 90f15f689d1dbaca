// Package echocmd serves echohandlers' routes: BodyLimit bounds the // want package:"program\\(covered\\(1\\) routeUsed\\(1\\) routeBounded\\(1\\) starts\\(echocmd\\.Run\\)\\)"
// upload route only, so Create is named.
package echocmd

import (
	"github.com/labstack/echo/v4"

	"bodylimit/program/routelimit/echohandlers"
)

func routes() *echo.Echo {
	e := echo.New()
	api := e.Group("/api")
	echohandlers.Register(api)
	return e
}

func Run() {
	e := routes()
	e.Start(":8080") // want `^echohandlers\.Create \(echo Bind\) reads request bodies whole`
}
