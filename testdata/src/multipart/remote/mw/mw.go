// Package mw holds the module's middleware, installed by other packages:
// Limit parses the form before the handlers behind it, Trace and Timeout
// replace the request with a copy (the remote rule).
package mw

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// Limit bounds request bodies on the routes it is given to.
type Limit struct{}

// Add bounds the body to max, then parses the form with the same max
// (pocket-id's FileSizeLimitMiddleware): the whole form stays in memory,
// so its parse is fine even though Trace below makes this package one
// that copies the request; a handler behind it finds the form parsed.
func (l *Limit) Add(max int64) gin.HandlerFunc { // want Add:"parsesBeforeNext"
	return func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, max)
		if err := c.Request.ParseMultipartForm(max); err != nil {
			return
		}
		c.Next()
	}
}

type traceKey struct{}

// Trace puts a value in the request's context: the gin handlers behind it
// get a copy of the server's request.
func Trace() gin.HandlerFunc { // want Trace:"copiesRequest\\(gin\\)"
	return func(c *gin.Context) {
		c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), traceKey{}, "t"))
		c.Next()
	}
}

// Timeout is go-clean-arch's SetRequestContextWithTimeout: the echo
// handlers behind it get a WithContext copy of the request.
func Timeout(d time.Duration) echo.MiddlewareFunc { // want Timeout:"copiesRequest\\(echo\\)"
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// Gzip hands SetRequest the request a net/http wrapper passed on, the
// server's own: no copy, so no copiesRequest fact (traQ's Gzip).
func Gzip() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			var err error
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c.SetRequest(r)
				err = next(c)
			})
			h.ServeHTTP(nil, c.Request())
			return err
		}
	}
}
