// Package echoapp: echo v4 handlers and routers wired here. // want package:"program\\(limits reads\\(echoapp\\.limitedRead,echoapp\\.groupRead,echoapp\\.globalRead,echoapp\\.capturedRead\\) covered\\(3\\)\\)"
package echoapp

import (
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type item struct{ Name string }

func bind(c echo.Context) error { // want bind:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it) // want `echo Bind reads the whole request body into memory with no limit on this route, so a client decides its size; bound it first with c.Request\(\).Body = http.MaxBytesReader\(c.Response\(\), c.Request\(\).Body, 1<<20\)`
}

func readAll(c echo.Context) error { // want readAll:`reads\(0:io.ReadAll\)`
	b, _ := io.ReadAll(c.Request().Body) // want `io.ReadAll reads the whole request body`
	return c.JSON(http.StatusOK, len(b))
}

func limitedRead(c echo.Context) error { // want limitedRead:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it)
}

func groupRead(c echo.Context) error { // want groupRead:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it)
}

func serve() {
	e := echo.New()
	e.HideBanner = true
	e.Use(middleware.Logger()) // not a limit
	e.POST("/a", bind)
	e.POST("/b", readAll)
	e.POST("/c", limitedRead, middleware.BodyLimit("1M")) // route limit: silent
	g := e.Group("/g", middleware.BodyLimit("1M"))
	g.POST("/d", groupRead) // group limit: silent
	e.Start(":8080")
}

func globalRead(c echo.Context) error { // want globalRead:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it)
}

// echo's BodyLimit on the whole router: silent.
func serveLimited() {
	e := echo.New()
	e.Use(middleware.BodyLimit("2M"))
	e.POST("/a", globalRead)
	e.Start(":8080")
}

// A closure reading a field of the router (e.HideBanner) keeps the wiring
// visible.
func serveFieldInClosure() {
	e := echo.New()
	e.POST("/a", func(c echo.Context) error {
		if e.HideBanner {
			return nil
		}
		_, err := io.ReadAll(c.Request().Body) // want `io.ReadAll reads the whole request body`
		return err
	})
	e.Start(":8080")
}

func capturedRead(c echo.Context) error { // want capturedRead:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it)
}

// A closure using the router itself hides the wiring: silent.
func serveCaptured(setup func(func())) {
	e := echo.New()
	setup(func() { e.Use(middleware.Logger()) })
	e.POST("/a", capturedRead)
	e.Start(":8080")
}
