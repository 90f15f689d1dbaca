// Package consumed reads a body whole, then calls a helper that reads // want package:"program\\(reads\\(consumed\\.Post\\)\\)"
// the rest of it again (komari's servePost and buildContextMeta): the
// second read gets nothing, so the program rule names the first only.
package consumed

import (
	"io"
	"net/http"
)

// Post reads its body whole, then identifies the caller through a
// helper that would read the body too: only the first read is named.
func Post(w http.ResponseWriter, r *http.Request) { // want Post:"reads\\(1:io.ReadAll,1:io.ReadAll\\)"
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	who := identify(r)
	w.Write(append(body, who...))
}

// identify reads a token from the body when it has one.
func identify(r *http.Request) string { // want identify:"reads\\(0:io.ReadAll\\)"
	b, _ := io.ReadAll(r.Body)
	return string(b)
}
