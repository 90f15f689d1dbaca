// Package exported serves a handler its caller gives: the caller may have bounded it, so silent (the program rule). // want package:"program\\(reads\\(api\\.\\(\\*Handler\\)\\.create,api\\.\\(\\*Handler\\)\\.Handle\\) through\\(1\\)\\)"
package exported

import (
	"net/http"

	"bodylimit/program/api"
)

func Serve(h http.Handler) error { // want Serve:"serves\\(0\\)"
	return http.ListenAndServe(":1", h)
}

var Default = api.New
