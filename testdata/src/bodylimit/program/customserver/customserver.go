// Package customserver registers handlers of the service's own context // want package:"program\\(covered\\(2\\) starts\\(customserver\\.Run\\)\\)"
// through an adapter and starts echo: nothing bounds a body.
package customserver

import (
	"github.com/labstack/echo/v4"

	"bodylimit/program/customctx"
	"bodylimit/program/customhandlers"
)

func Run() {
	e := echo.New()
	e.POST("/login", customctx.Handler(customhandlers.Login).ToEcho())
	e.POST("/upload", customctx.Handler(customhandlers.Upload).ToEcho())
	e.GET("/profile", customctx.Handler(customhandlers.Profile).ToEcho())
	e.Start(":8080") // want `^2 functions read request bodies whole, first customhandlers\.Login \(echo Bind\),.*; bound bodies with echo.s middleware\.BodyLimit`
}
