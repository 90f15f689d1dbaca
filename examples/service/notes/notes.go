// Package notes is a notes API whose handlers are registered on a router
// its constructor returns: the wiring rule cannot follow it, so the
// program rule reports the server that serves it (see ../notesd).
package notes

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gorilla/mux"
)

// Note is one note.
type Note struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// API serves notes.
type API struct {
	notes map[string]Note
}

// New returns an empty API.
func New() *API {
	return &API{notes: make(map[string]Note)}
}

// Routes returns the API's router.
func (a *API) Routes() http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/notes", a.create).Methods(http.MethodPost)
	r.HandleFunc("/notes/{id}", a.replace).Methods(http.MethodPut)
	r.HandleFunc("/notes/{id}/attachment", a.attach).Methods(http.MethodPost)
	return r
}

// create decodes the body whole with no limit (named by notesd's finding).
func (a *API) create(w http.ResponseWriter, r *http.Request) {
	var n Note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	a.notes[n.ID] = n
}

// replace reads the body whole through a helper (named too).
func (a *API) replace(w http.ResponseWriter, r *http.Request) {
	n, err := decode(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	a.notes[mux.Vars(r)["id"]] = n
}

func decode(r *http.Request) (Note, error) {
	var n Note
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return n, err
	}
	return n, json.Unmarshal(b, &n)
}

// attach streams the body to a writer: not a whole read.
func (a *API) attach(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
}
