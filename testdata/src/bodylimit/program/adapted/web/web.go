// Package web is a service's own framework, shaped like ardanlabs/service's
// foundation/web: its handlers take the request and no ResponseWriter,
// and App adapts them to an http.ServeMux.
package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

// Encoder is what a handler returns.
type Encoder interface {
	Encode() ([]byte, string, error)
}

// HandlerFunc is the framework's handler: App.HandlerFunc's func(w, r)
// calls it with its own request, so it is a server handler.
type HandlerFunc func(ctx context.Context, r *http.Request) Encoder // want HandlerFunc:"adaptedHandler"

// Signer is given a request, but only by a client (Do): no handler.
type Signer func(r *http.Request) error

// Hook is called by a handler, but with a request of its own making, not
// the handler's: no handler either.
type Hook func(r *http.Request) error

// App holds the mux.
type App struct {
	mux  *http.ServeMux
	hook Hook
}

// New returns an App.
func New() *App { return &App{mux: http.NewServeMux()} }

// ServeHTTP serves the mux.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

// HandlerFunc registers handlerFunc for pattern.
func (a *App) HandlerFunc(pattern string, handlerFunc HandlerFunc) {
	h := func(w http.ResponseWriter, r *http.Request) {
		resp := handlerFunc(r.Context(), r)
		b, ct, _ := resp.Encode()
		w.Header().Set("Content-Type", ct)
		w.Write(b)
	}
	a.mux.HandleFunc(pattern, h)
}

// Notify is a handler that hands a request of its own to the hook.
func (a *App) Notify(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest("POST", "http://example.com/hook", nil)
	a.hook(out)
}

// Do sends a request through a client, signing it first.
func Do(c *http.Client, r *http.Request, sign Signer) (*http.Response, error) {
	if err := sign(r); err != nil {
		return nil, err
	}
	return c.Do(r)
}

// Decode reads the request body whole and decodes it.
func Decode(r *http.Request, v any) error { // want Decode:`reads\(0:io.ReadAll\)`
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}
