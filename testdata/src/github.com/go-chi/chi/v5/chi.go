// Package chi is a stub of github.com/go-chi/chi/v5 v5.5.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package chi

import (
	"context"
	"net/http"
)

// URLParam returns the url parameter from a http.Request object.
func URLParam(r *http.Request, key string) string { return "" }

// URLParamFromCtx returns the url parameter from a http.Request Context.
func URLParamFromCtx(ctx context.Context, key string) string { return "" }
