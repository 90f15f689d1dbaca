package flags

import "net/http"

func big(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(1 << 30); err != nil { // want `^ParseMultipartForm with maxMemory 1 GiB exceeds max-memory \(32 MiB\): each concurrent upload may hold that much in memory until the handler returns; use a smaller maxMemory$`
		return
	}
	defer r.MultipartForm.RemoveAll()
}

func bigAndLeaking(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(64 << 20) // want `its temporary files are never deleted; maxMemory 64 MiB also exceeds max-memory \(32 MiB\): use a smaller maxMemory$`
}

func atLimit(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil { // fine: at the limit, and removed
		return
	}
	defer r.MultipartForm.RemoveAll()
}

func dynamic(w http.ResponseWriter, r *http.Request, n int64) {
	if err := r.ParseMultipartForm(n); err != nil { // fine: not a constant, and removed
		return
	}
	defer r.MultipartForm.RemoveAll()
}
