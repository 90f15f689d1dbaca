// Package customhandlers: handlers taking the service's own context. // want package:"program\\(reads\\(customhandlers\\.Login,customhandlers\\.Upload\\)\\)"
package customhandlers

import (
	"io"

	"bodylimit/program/customctx"
)

type login struct{ User, Password string }

func Login(ctx *customctx.Context) error { // want Login:`reads\(0:echo Bind\)`
	var l login
	return ctx.Bind(&l)
}

func Upload(ctx *customctx.Context) error { // want Upload:`reads\(0:io.ReadAll\)`
	b, err := io.ReadAll(ctx.Request().Body)
	_ = b
	return err
}

// Profile reads no body.
func Profile(ctx *customctx.Context) error {
	return ctx.JSON(200, ctx.User)
}
