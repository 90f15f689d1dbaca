// Package appruntime is a library of another module that keeps the
// application's router for it (go-admin-core's sdk.Runtime): the
// application sets it and reads it back.
package appruntime

import "net/http"

// Application holds what the application registers.
type Application struct {
	engine, debug http.Handler
}

// Runtime is the one Application.
var Runtime = &Application{}

// SetEngine keeps the application's router.
func (a *Application) SetEngine(h http.Handler) { a.engine = h }

// GetEngine returns the router SetEngine kept.
func (a *Application) GetEngine() http.Handler { return a.engine }

// GetDebug returns a handler the library builds itself.
func (a *Application) GetDebug() http.Handler {
	if a.debug == nil {
		a.debug = http.NotFoundHandler()
	}
	return a.debug
}
