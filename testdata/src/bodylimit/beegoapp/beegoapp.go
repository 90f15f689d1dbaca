// Package beegoapp: beego bounds request bodies itself. Before a // want package:"program\\(\\)"
// controller's action or a filter other than a BeforeStatic one runs, its
// router wraps the body in http.MaxBytesReader at MaxMemory (64 MiB by
// default) or, with CopyRequestBody, copies at most MaxMemory bytes of it.
package beegoapp

import (
	"encoding/json"
	"io"

	"github.com/beego/beego/v2/server/web"
	beecontext "github.com/beego/beego/v2/server/web/context"
)

type ApiController struct {
	web.Controller
}

type form struct {
	Name string
}

// Fine: beego has bounded the body before the action runs.
func (c *ApiController) Post() {
	b, _ := io.ReadAll(c.Ctx.Request.Body)
	_ = b
	var f form
	_ = json.NewDecoder(c.Ctx.Request.Body).Decode(&f)
	_ = c.BindJSON(&f)
	_ = json.Unmarshal(c.Ctx.Input.RequestBody, &f)
}

// Fine: a filter runs behind the same bound (BeforeStatic filters run
// before it, which the pass does not tell apart: a documented miss).
func filter(ctx *beecontext.Context) {
	b, _ := io.ReadAll(ctx.Request.Body)
	_ = b
}

func init() {
	web.InsertFilter("*", web.BeforeRouter, filter)
	web.Router("/api", &ApiController{})
}
