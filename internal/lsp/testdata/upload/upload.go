// Package upload is the server tests' workload: one handler that leaks a
// multipart form's temporary files and one that does not. The tests copy
// it into a temporary module.
package upload

import "net/http"

// Leaky parses the form and never removes its temporary files.
func Leaky(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Tidy removes them: no finding.
func Tidy(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	w.WriteHeader(http.StatusCreated)
}
