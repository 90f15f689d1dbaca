// Package fixflag: the fix writes the max-bytes flag (4MiB here). // want package:"program\\(defaultMux covered\\(1\\)\\)"
package fixflag

import (
	"io"
	"net/http"
)

func upload(w http.ResponseWriter, r *http.Request) { // want upload:`reads\(1:io.ReadAll\)`
	io.ReadAll(r.Body) // want `bound it first with r.Body = http.MaxBytesReader\(w, r.Body, 4<<20\)`
}

func main() {
	http.HandleFunc("/", upload)
	http.ListenAndServe(":8080", nil)
}
