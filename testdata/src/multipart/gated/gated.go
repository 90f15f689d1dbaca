// Package gated registers handlers on chi routes behind a content-type
// gate, as goatcounter mounts its JSON API behind
// middleware.AllowContentType("application/json"), and on routes without
// one: chi answers 415 to a multipart body before a gated handler runs.
package gated

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type api struct{}

// wrap adapts a handler that returns an error (zhttp.Wrap's shape).
func wrap(fn func(w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	}
}

func (h api) mount(r chi.Router, types []string) {
	a := r.With(middleware.AllowContentType("application/json"))
	a.Post("/api/count", wrap(h.count))
	a.Post("/api/both", wrap(h.both))
	a.Post("/api/shared", wrap(h.shared))
	r.Post("/form/shared", wrap(h.callsShared))
	a.Post("/api/direct", uploadDirect)
	r.Post("/form/direct", callsDirect)
	r.Post("/form/both", wrap(h.both))

	r.With(middleware.AllowContentType("application/json", "multipart/form-data")).Post("/api/upload", wrap(h.upload))
	r.With(middleware.AllowContentType(types...)).Post("/api/configured", wrap(h.configured))
	r.Post("/form", wrap(h.form))

	r.With(middleware.AllowContentType("application/json")).Post("/api/inline", func(w http.ResponseWriter, r *http.Request) {
		r.ParseMultipartForm(8 << 20) // fine: behind the gate
	})
}

// A method expression makes the gated router too.
func mountOdd(r chi.Router, h api) {
	chi.Router.With(r, middleware.AllowContentType("application/json")).Post("/odd", wrap(h.odd))
}

// Fine: registered only through the method expression's gated router.
func (h api) odd(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20)
}

func mountUse(r *chi.Mux) {
	r.Use(middleware.AllowContentType("application/json"))
	r.Post("/use", useGated)
}

// Fine: every route of count rejects multipart bodies.
func (h api) count(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20)
}

// Fine: the router it is registered on was given the gate with Use.
func useGated(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(8 << 20)
}

// Registered behind the gate and on a route without one.
func (h api) both(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20) // want `ParseMultipartForm without RemoveAll`
}

// Registered behind the gate, but also called by an ungated handler: a
// helper, whose caller is judged.
func (h api) shared(w http.ResponseWriter, r *http.Request) error { // want shared:`parsesForm\(1\)`
	return r.ParseMultipartForm(8 << 20)
}

func (h api) callsShared(w http.ResponseWriter, r *http.Request) error {
	return h.shared(w, r) // want `shared \(which parses the form\) without RemoveAll`
}

// A handler of the exact shape behind the gate, also called by an
// ungated handler: it owns its request, and the call runs it unguarded.
func uploadDirect(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(8 << 20) // want `ParseMultipartForm without RemoveAll`
}

func callsDirect(w http.ResponseWriter, r *http.Request) {
	uploadDirect(w, r)
}

// The gate lets multipart bodies through.
func (h api) upload(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20) // want `ParseMultipartForm without RemoveAll`
}

// The gate's types are not known here.
func (h api) configured(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20) // want `ParseMultipartForm without RemoveAll`
}

// No gate.
func (h api) form(w http.ResponseWriter, r *http.Request) error {
	return r.ParseMultipartForm(8 << 20) // want `ParseMultipartForm without RemoveAll`
}
