package echo

import (
	"context"
	"net/http"
	"time"
)

// StartConfig is a template for starting an HTTP server (echo's
// server.go).
type StartConfig struct {
	Address         string
	HideBanner      bool
	HidePort        bool
	GracefulTimeout time.Duration
}

// Start starts a HTTP server serving h until ctx is done.
func (sc StartConfig) Start(ctx context.Context, h http.Handler) error { return nil }

// StartTLS starts a HTTPS server serving h until ctx is done.
func (sc StartConfig) StartTLS(ctx context.Context, h http.Handler, certFile, keyFile any) error {
	return nil
}
