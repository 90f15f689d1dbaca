// Package fieldserver keeps its servers in struct fields (shiori, gophish, // want package:"program\\(covered\\(2\\) starts\\(fieldserver\\.\\(\\*App\\)\\.Start,fieldserver\\.\\(\\*Legacy\\)\\.Run\\)\\)"
// Cloudreve): the program rule follows an unexported field to the servers
// the package stores in it.
package fieldserver

import (
	"encoding/json"
	"io"
	"net/http"
)

type App struct {
	mux    *http.ServeMux
	server *http.Server
}

func (a *App) create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func New() *App {
	a := &App{mux: http.NewServeMux()}
	a.mux.HandleFunc("POST /items", a.create)
	srv := &http.Server{Addr: ":8080"}
	a.server = srv
	// The handler wrapped step by step (gophish's registerRoutes): each
	// definition of h is judged once.
	var h http.Handler = a.mux
	h = http.StripPrefix("/v1", h)
	h = http.TimeoutHandler(h, 0, "")
	h = http.StripPrefix("/api", h)
	h = http.TimeoutHandler(h, 0, "")
	a.server.Handler = h
	return a
}

func (a *App) Start() error { // want Start:`servesField\(server\)`
	return a.server.ListenAndServe() // want `^2 functions read request bodies whole, first fieldserver\.\(\*App\)\.create \(json\.Decoder\.Decode\)`
}

// Legacy has a server by value, given its handler in another method.
type Legacy struct {
	http http.Server
	mux  *http.ServeMux
}

func (l *Legacy) upload(w http.ResponseWriter, r *http.Request) { // want upload:"reads\\(1:io.ReadAll\\)"
	io.ReadAll(r.Body)
}

func (l *Legacy) setup() {
	l.mux = http.NewServeMux()
	l.mux.HandleFunc("POST /upload", l.upload)
	l.http.Handler = l.mux
}

func (l *Legacy) Run() error { // want Run:`servesField\(http\)`
	l.setup()
	return l.http.ListenAndServe() // reported once per package, at the first serve
}
