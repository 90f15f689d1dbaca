package uploads

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"
)

// ChiRoutes mounts a JSON API behind chi's content-type gate and a form
// route without one. chi's routes hand handlers a copy of the request
// (WithContext), whose form the server never removes.
func ChiRoutes(r chi.Router) {
	api := r.With(chimw.AllowContentType("application/json"))
	api.Post("/api/settings", saveSettings)
	r.Post("/import", importForm)
}

// saveSettings accepts form-encoded or multipart posts of its fields.
// OK: its only route answers 415 to any body that is not JSON, so no
// multipart body ever reaches the parse.
func saveSettings(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// importForm reads an uploaded CSV.
// LEAK: parts above 8 MiB spill to temporary files, and the form of
// chi's request copy is never removed.
func importForm(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
