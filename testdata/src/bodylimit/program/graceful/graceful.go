// Package graceful stands for a library that sets defaults on a server the
// caller builds (ory/graceful's WithDefaults).
package graceful

import "net/http"

// WithDefaults sets timeouts on srv and returns it.
func WithDefaults(srv *http.Server) *http.Server {
	srv.ReadTimeout = 5
	return srv
}
