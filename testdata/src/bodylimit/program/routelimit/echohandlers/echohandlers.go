// Package echohandlers gives echo's BodyLimit to one route only, as its // want package:"program\\(reads\\(echohandlers\\.Create\\) routeUsed\\(1\\) routeBounded\\(1\\)\\)"
// route middleware (after the handler): that bounds Upload, not the
// module.
package echohandlers

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type item struct{ Name string }

func Create(c echo.Context) error { // want Create:`reads\(0:echo Bind\)`
	var v item
	return c.Bind(&v)
}

// Upload is registered behind BodyLimit: bounded, not named.
func Upload(c echo.Context) error { // want Upload:`reads\(0:echo Bind\)`
	var v item
	return c.Bind(&v)
}

func Register(g *echo.Group) { // want Register:`routers\(0\) registers\(0:Create\)`
	g.POST("/items", Create)
	g.POST("/upload", Upload, middleware.BodyLimit("1M"))
}
