// Package echoapp: echo v4 handlers and routers wired here. // want package:"program\\(limits reads\\(a func literal in echoapp\\.serveLocalLimit,a func literal in echoapp\\.serveLocalLimit,a func literal in echoapp\\.serveReassigned,a func literal in echoapp\\.serveRanged,echoapp\\.limitedRead,echoapp\\.groupRead,echoapp\\.globalRead,echoapp\\.capturedRead\\) covered\\(5\\)\\)"
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

// requireUser returns a middleware that checks a session: no body limit.
func requireUser() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().Header.Get("Cookie") == "" {
				return nil
			}
			return next(c)
		}
	}
}

// accessGenerator returns a maker of permission middlewares: no body
// limit in any of them.
func accessGenerator() func(perm string) echo.MiddlewareFunc {
	return func(perm string) echo.MiddlewareFunc {
		return func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error {
				if c.Request().Header.Get("X-Perm") != perm {
					return nil
				}
				return next(c)
			}
		}
	}
}

// Middlewares held in local variables are judged by the value assigned:
// requireUser and accessGenerator bound no body, so both routes are
// reported.
func serveLocalMiddlewares() {
	e := echo.New()
	auth := requireUser()
	requires := accessGenerator()
	g := e.Group("/users", auth)
	g.POST("/a", func(c echo.Context) error {
		_, err := io.ReadAll(c.Request().Body) // want `io.ReadAll reads the whole request body`
		return err
	})
	admin := e.Group("/admin", requires("admin"))
	admin.POST("/b", func(c echo.Context) error {
		_, err := io.ReadAll(c.Request().Body) // want `io.ReadAll reads the whole request body`
		return err
	})
	e.Start(":8080")
}

// A local variable holding echo's BodyLimit, or the BodyLimit function
// itself, still bounds its group: silent.
func serveLocalLimit() {
	e := echo.New()
	limit := middleware.BodyLimit("1M")
	bodyLimit := middleware.BodyLimit
	g := e.Group("/a", limit)
	g.POST("/a", func(c echo.Context) error {
		_, err := io.ReadAll(c.Request().Body)
		return err
	})
	h := e.Group("/b", bodyLimit("2M"))
	h.POST("/b", func(c echo.Context) error {
		_, err := io.ReadAll(c.Request().Body)
		return err
	})
	e.Start(":8080")
}

// A variable assigned twice holds a middleware the pass cannot know (it
// may be the limit): silent.
func serveReassigned(strict bool) {
	e := echo.New()
	mw := requireUser()
	if strict {
		mw = middleware.BodyLimit("1M")
	}
	g := e.Group("/a", mw)
	g.POST("/a", func(c echo.Context) error {
		_, err := io.ReadAll(c.Request().Body)
		return err
	})
	e.Start(":8080")
}

// middlewares returns the service's middlewares: a slice, whose elements
// the pass does not know.
func middlewares() []echo.MiddlewareFunc { return nil }

// A variable ranging over a slice of middlewares holds one the pass
// cannot know: silent.
func serveRanged() {
	e := echo.New()
	for _, mw := range middlewares() {
		g := e.Group("/a", mw)
		g.POST("/a", func(c echo.Context) error {
			_, err := io.ReadAll(c.Request().Body)
			return err
		})
	}
	e.Start(":8080")
}
