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

// readFormBody is a helper: its caller owns the cleanup, but the 64 MiB
// it may hold in memory is the helper's choice (imaginary's readFormBody).
func readFormBody(r *http.Request) error { // want readFormBody:`parsesForm\(0\)`
	const maxMemory = 64 << 20
	return r.ParseMultipartForm(maxMemory) // want `^ParseMultipartForm with maxMemory 64 MiB exceeds max-memory \(32 MiB\)`
}

// smallHelper is fine: a helper at the default size.
func smallHelper(r *http.Request) error { // want smallHelper:`parsesForm\(0\)`
	return r.ParseMultipartForm(32 << 20)
}

type loader struct{ r *http.Request }

// fromField parses a request kept in a field: not tracked, but the size
// is still too big.
func (l *loader) fromField() error {
	return l.r.ParseMultipartForm(128 << 20) // want `^ParseMultipartForm with maxMemory 128 MiB exceeds max-memory`
}
