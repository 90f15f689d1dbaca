// Package cgo uses cgo beside a handler: the pass must not crash on it.
package cgo

/*
static int answer(void) { return 42; }
*/
import "C"

import "net/http"

func Answer() int { return int(C.answer()) }

func handler(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll`
}
