// Package fixline holds a handler under a //line directive without a
// column: adjusted columns are 0 there, and the fix's indentation once came
// out negative (strings: negative Repeat count). The directive keeps the
// file name and line numbers, so only the columns change.
package fixline

import "net/http"

//line fixline.go:11
func handler(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 20); err != nil { // want `ParseMultipartForm`
		return
	}
	_ = r.MultipartForm.File
}
