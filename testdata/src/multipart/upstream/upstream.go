// Package upstream has a middleware that parses the multipart form and
// removes it after the next handler: the handlers' parses find the form
// parsed and do nothing, and the middleware deletes the files.
package upstream

import "net/http"

func withForm(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		defer r.MultipartForm.RemoveAll()
		next.ServeHTTP(w, r)
	})
}

func upload(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file") // fine: withForm parsed and removes this form
	if err != nil {
		return
	}
	defer f.Close()
}

func uploadCopy(w http.ResponseWriter, r *http.Request) {
	r2 := r.WithContext(r.Context())
	r2.ParseMultipartForm(1 << 20) // want `ParseMultipartForm on r2, a copy of the request`
}
