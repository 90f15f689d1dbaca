// Command ctorserver: servers built by a constructor, started by helpers (the program rule). // want package:"program\\(covered\\(3\\)\\)"
//
// It builds its servers with a constructor and starts each through a
// helper given the *http.Server, as real services do; an ACME-style server
// on another port serves only a library's handler. The only MaxBytesReader
// bounds a fetched response body, not a request's: nothing bounds request
// bodies.
package main

import (
	"io"
	"net/http"

	"bodylimit/program/api"
)

// newServer is the constructor: the handler is its caller's argument.
func newServer(addr string, handler http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: handler}
}

func startChallenge(srv *http.Server) {
	go srv.ListenAndServe() // fine: this server serves only net/http's NotFoundHandler, none of the package's routes
}

func start(srv *http.Server) {
	srv.ListenAndServe() // want `2 functions read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create \(json\.Decoder\.Decode\), with no body limit`
}

// fetchBody bounds a response body fetched from elsewhere: a
// MaxBytesReader with no ResponseWriter limits no request.
func fetchBody(resp *http.Response) io.Reader {
	return http.MaxBytesReader(nil, resp.Body, 1<<20)
}

func main() {
	startChallenge(newServer(":80", http.NotFoundHandler()))
	srv := newServer(":8080", api.New())
	start(srv)
	resp, err := http.Get("http://example.com")
	if err == nil {
		_, _ = io.ReadAll(fetchBody(resp))
	}
}
