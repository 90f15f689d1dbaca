// Package litserver installs on the engine a literal that replaces // want package:"serverForms\\(covered\\(3\\)\\)"
// c.Request with a WithContext copy: handlers' forms are reported at the
// literal.
package litserver

import (
	"context"

	"github.com/gin-gonic/gin"

	"multipart/remote/handlers"
	"multipart/remote/mw"
)

type key struct{}

// Engine builds the engine.
func Engine() *gin.Engine { // want Engine:"copiesRequest\\(gin\\)"
	r := gin.New()
	r.Use(func(c *gin.Context) { // want `^3 gin handlers .* \(it installs a middleware on the engine and assigns a gin\.Context's Request\)`
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), key{}, 1))
		c.Next()
	})
	handlers.Routes(&r.RouterGroup, &mw.Limit{})
	return r
}
