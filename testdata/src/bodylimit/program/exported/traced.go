package exported

import (
	"context"
	"net"
	"net/http"

	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// Server starts servers on its listener (exposure-notifications-server's
// pkg/server).
type Server struct{ listener net.Listener }

// ServeHTTP starts the server it is given, its Handler as the caller set
// it (a servers fact for callers in other packages).
func (s *Server) ServeHTTP(ctx context.Context, srv *http.Server) error { // want ServeHTTP:"servers\\(1\\)"
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	return srv.Serve(s.listener)
}

// ServeHTTPHandler serves the handler through ServeHTTP, wrapped in a
// tracing handler, which bounds nothing: it serves its parameter.
func (s *Server) ServeHTTPHandler(ctx context.Context, handler http.Handler) error { // want ServeHTTPHandler:"serves\\(1\\)"
	return s.ServeHTTP(ctx, &http.Server{
		Handler: &ochttp.Handler{Handler: handler, IsPublicEndpoint: true},
	})
}

// ServeOTel does the same with OpenTelemetry's wrapper.
func (s *Server) ServeOTel(ctx context.Context, handler http.Handler) error { // want ServeOTel:"serves\\(1\\)"
	return s.ServeHTTP(ctx, &http.Server{Handler: otelhttp.NewHandler(handler, "api")})
}
