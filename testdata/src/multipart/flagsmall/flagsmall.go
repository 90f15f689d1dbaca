package flagsmall

import "net/http"

// Run with -multipart.max-memory=8MiB.

func medium(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(16 << 20); err != nil { // want `maxMemory 16 MiB exceeds max-memory \(8 MiB\)`
		return
	}
	defer r.MultipartForm.RemoveAll()
}

func small(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(4 << 20); err != nil { // fine: under the lowered limit
		return
	}
	defer r.MultipartForm.RemoveAll()
}
