// Package zserve stands for a library of another module that starts the
// http.Server it is given and decodes requests by method
// (zgo.at/zhttp's Serve and Decode, goatcounter's).
package zserve

import (
	"encoding/json"
	"net"
	"net/http"
)

// Serve starts server in a goroutine, its Handler as the caller set it.
func Serve(flags uint8, stop <-chan struct{}, server *http.Server) (chan struct{}, error) { // want Serve:`servers\(2\)`
	ln, err := net.Listen("tcp", server.Addr)
	if err != nil {
		return nil, err
	}
	ch := make(chan struct{}, 1)
	go func() {
		if server.TLSConfig != nil {
			server.ServeTLS(ln, "", "")
		} else {
			server.Serve(ln)
		}
	}()
	return ch, nil
}

// ServeBounded sets the server's Handler before it starts it: it may
// bound bodies (it does), so it carries no servers fact.
func ServeBounded(server *http.Server) error { // want ServeBounded:`setsHandler\(0\)`
	server.Handler = http.MaxBytesHandler(server.Handler, 1<<20)
	return server.ListenAndServe()
}

// Decode decodes the query of a GET request and the body of any other.
func Decode(r *http.Request, dst any) error { // want Decode:`reads\(0:json.Decoder.Decode!GET\)`
	ct := r.Header.Get("Content-Type")
	switch {
	case r.Method == http.MethodGet:
		return nil // the query
	case ct == "application/json":
		return json.NewDecoder(r.Body).Decode(dst)
	}
	return nil
}

// DecodeBody decodes the body whatever the method.
func DecodeBody(r *http.Request, dst any) error { // want DecodeBody:`reads\(0:json.Decoder.Decode\)`
	return json.NewDecoder(r.Body).Decode(dst)
}

// HandlerFunc is a handler that returns an error.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Wrap adapts h to net/http.
func Wrap(h HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			http.Error(w, err.Error(), 500)
		}
	}
}

// ServeACME wraps the server's Handler in one that answers ACME
// challenges first (as autocert's Manager.HTTPHandler does), which bounds
// nothing, then starts it: a servers fact, no setsHandler.
func ServeACME(server *http.Server) error { // want ServeACME:`servers\(0\)`
	server.Handler = challenges(server.Handler)
	return server.ListenAndServe()
}

func challenges(fallback http.Handler) http.Handler { return fallback }

// HostRoute routes each request to the handler of its host
// (zgo.at/zhttp's HostRoute).
func HostRoute(routes map[string]http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := routes[r.Host]; ok {
			h.ServeHTTP(w, r)
		}
	})
}
