// Package customctx is a service's own request context: it embeds echo's,
// so its handlers' ctx.Bind and ctx.Request().Body are echo's (opengist's
// internal/web/context).
package customctx

import "github.com/labstack/echo/v4"

type Context struct {
	echo.Context
	User string
}

// Handler is the service's handler shape.
type Handler func(ctx *Context) error

// ToEcho adapts a Handler to echo.
func (h Handler) ToEcho() echo.HandlerFunc {
	return func(c echo.Context) error { return h(&Context{Context: c}) }
}
