// Package manners stands for github.com/braintree/manners (v0.0.0-20160418043613-82a8879fc5fd):
// a graceful-shutdown wrapper that keeps the http.Server it is given and
// serves it, its Handler wrapped in one that bounds nothing.
package manners

import (
	"net"
	"net/http"
	"sync"
)

// GracefulServer embeds the underlying net/http.Server.
type GracefulServer struct {
	*http.Server

	shutdown chan bool
	wg       *sync.WaitGroup
}

// NewServer creates a new GracefulServer.
func NewServer() *GracefulServer {
	return NewWithServer(new(http.Server))
}

// NewWithServer wraps an existing http.Server object and returns a
// GracefulServer that supports all of the original Server operations.
func NewWithServer(s *http.Server) *GracefulServer { // want NewWithServer:`keeps\(0\)\.Server`
	return &GracefulServer{
		Server:   s,
		shutdown: make(chan bool),
		wg:       new(sync.WaitGroup),
	}
}

// Close stops the server from accepting new requests.
func (s *GracefulServer) Close() bool {
	return <-s.shutdown
}

// ListenAndServe provides a graceful equivalent of net/http.Serve.ListenAndServe.
func (s *GracefulServer) ListenAndServe() error { // want ListenAndServe:`servesField\(Server\)`
	addr := s.Addr
	if addr == "" {
		addr = ":http"
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(listener)
}

// Serve provides a graceful equivalent net/http.Server.Serve.
func (s *GracefulServer) Serve(listener net.Listener) error { // want Serve:`servesField\(Server\)`
	gracefulHandler := newGracefulHandler(s.Server.Handler)
	s.Server.Handler = gracefulHandler
	go func() {
		s.shutdown <- true
		listener.Close()
	}()
	err := s.Server.Serve(listener)
	s.wg.Wait()
	return err
}

type gracefulHandler struct {
	wrapped http.Handler
}

func newGracefulHandler(wrapped http.Handler) *gracefulHandler {
	return &gracefulHandler{wrapped: wrapped}
}

func (gh *gracefulHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	gh.wrapped.ServeHTTP(w, r)
}
