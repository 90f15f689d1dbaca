// Package handler builds an echo router with a metrics middleware its // want package:"program\\(reads\\(handler\\.create\\)\\)"
// caller gives (hanko's handler.NewPublicRouter(cfg, persister,
// prometheus, ...) calls e.Use(prometheus)): whether it bounds bodies is
// for the callers to say, so NewRouter's fact says installs(1).
package handler

import "github.com/labstack/echo/v4"

type item struct{ Name string }

func create(c echo.Context) error { // want create:`reads\(0:echo Bind\)`
	var it item
	return c.Bind(&it)
}

func NewRouter(name string, prometheus echo.MiddlewareFunc) *echo.Echo { // want NewRouter:`^installs\(1\)$`
	e := echo.New()
	if prometheus != nil {
		e.Use(prometheus)
	}
	e.POST("/items", create)
	return e
}

// NewAdminRouter takes no middleware (hanko's management router).
func NewAdminRouter() *echo.Echo {
	e := echo.New()
	e.POST("/admin/items", create)
	return e
}
