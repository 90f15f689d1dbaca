// Package forwarded keeps its server in a struct built by a positional // want package:"program\\(covered\\(1\\) starts\\(forwarded\\.Run\\)\\)"
// literal and serves it from a goroutine; the server's handler is a
// function literal that hands every request on to the router
// (pocket-id's bootstrap: http.HandlerFunc(func(w, req) { ...;
// r.ServeHTTP(w, req) })). The program rule follows both.
package forwarded

import (
	"io"
	"net/http"
)

type serverConfig struct {
	addr   string
	server *http.Server
}

func create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:io.ReadAll\\)"
	io.ReadAll(r.Body)
}

// redirect's literal hands its requests to a handler it makes itself:
// a server of one function, which serves none of the package's routes.
func redirect() {
	go http.ListenAndServe(":80", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // fine: forwards to no handler it is given
		http.NotFoundHandler().ServeHTTP(w, r)
	}))
}

func newServer(mux *http.ServeMux) *http.Server {
	return &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			r.Method = http.MethodGet
		}
		mux.ServeHTTP(w, r)
	})}
}

func initServer(mux *http.ServeMux) *serverConfig {
	server := newServer(mux)
	return &serverConfig{":8080", server}
}

func start(cfg *serverConfig) {
	go func() {
		cfg.server.ListenAndServe() // want `^forwarded\.create \(io\.ReadAll\) reads request bodies whole`
	}()
}

// Run serves the package's routes.
func Run() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /items", create)
	redirect()
	start(initServer(mux))
}
