// Package serve starts HTTP servers for the example services, traced with
// OpenCensus or OpenTelemetry, as exposure-notifications-server's
// pkg/server does: a handler given to ServeHTTPHandler is served, wrapped
// in a tracing handler that bounds nothing.
package serve

import (
	"context"
	"errors"
	"net/http"
	"time"

	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Server serves on one address.
type Server struct{ Addr string }

// ServeHTTP starts srv and shuts it down when ctx is done.
func (s *Server) ServeHTTP(ctx context.Context, srv *http.Server) error {
	srv.Addr = s.Addr
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// ServeHTTPHandler serves h traced with OpenCensus.
func (s *Server) ServeHTTPHandler(ctx context.Context, h http.Handler) error {
	return s.ServeHTTP(ctx, &http.Server{
		ReadHeaderTimeout: 10 * time.Second,
		Handler:           &ochttp.Handler{Handler: h, IsPublicEndpoint: true},
	})
}

// ServeOTel serves h traced with OpenTelemetry.
func (s *Server) ServeOTel(ctx context.Context, h http.Handler) error {
	return s.ServeHTTP(ctx, &http.Server{
		ReadHeaderTimeout: 10 * time.Second,
		Handler:           otelhttp.NewHandler(h, "notes"),
	})
}
