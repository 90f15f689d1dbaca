// Package beegoapp asserts the table's view of beego v2: controllers (also
// embedded through a service's own base controller), HandleFunc and
// FilterFunc, and the accessors of request input.
package beegoapp

import (
	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
)

// ApiController is the service's base controller, as casdoor's.
type ApiController struct {
	web.Controller
}

// RootController embeds it: two levels down to web.Controller.
type RootController struct {
	ApiController
}

// An action: a method of a controller with no parameters and no results.
func (c *ApiController) GetUsers() { // want `handler beego; on request path`
	_ = c.GetString("owner")                  // want `input form beego`
	_, _ = c.GetInt("pageSize")               // want `input form beego`
	_, _ = c.GetInt64("p")                    // want `input form beego`
	_ = c.Ctx.Input.Query("field")            // want `input form beego`
	_ = c.Ctx.Input.Param(":id")              // want `input path parameter beego`
	_ = c.Ctx.Request.URL.Query().Get("sort") // want `input query net/http`
}

func (c *RootController) GetGlobalUsers() { // want `handler beego; on request path`
	_ = c.GetString("sortField") // want `input form beego`
}

// A controller method with a parameter or a result is a helper the action
// calls: on the request path, not a handler.
func (c *ApiController) ResponseOk(data ...interface{}) {} // want `on request path`

func (c *ApiController) IsAdmin() bool { return false } // want `on request path`

// A helper given the controller holds the request; it is not a handler.
func respond(c *ApiController, v any) {} // want `on request path; holder c beego; writer c`

// HandleFunc and FilterFunc take beego's context.
func filter(ctx *context.Context) { // want `handler beego; on request path; holder ctx beego; writer ctx`
	_ = ctx.Input.Query("a") // want `input form beego`
}

func init() {
	web.InsertFilter("*", web.BeforeRouter, filter)
	web.Get("/", func(ctx *context.Context) {}) // want `handler beego; on request path; holder ctx beego; writer ctx`
}

// A struct that does not embed a controller is nothing to beego.
type plain struct {
	c web.Controller
}

func (p *plain) Get() {}

// A function returning something given beego's context is a helper.
func ctxHelper(ctx *context.Context) error { return nil } // want `on request path; holder ctx beego; writer ctx`
