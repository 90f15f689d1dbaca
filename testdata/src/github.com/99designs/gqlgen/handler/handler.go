// Package handler is a stub of github.com/99designs/gqlgen/handler
// v0.17.85, gqlgen's deprecated handler package, for memlint's tests: it
// declares only what memlint's passes inspect, with the upstream
// signatures; GraphQL adds the transports as upstream does.
package handler

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// Config holds the options of GraphQL.
//
// Deprecated: switch to graphql/handler.New
type Config struct {
	cacheSize int
}

// Option sets an option of GraphQL.
//
// Deprecated: switch to graphql/handler.New
type Option func(cfg *Config)

// GraphQL returns a handler serving the schema with the websocket,
// OPTIONS, GET, POST and multipart transports.
//
// Deprecated: switch to graphql/handler.New
func GraphQL(exec graphql.ExecutableSchema, options ...Option) http.HandlerFunc {
	var cfg Config
	for _, option := range options {
		option(&cfg)
	}
	srv := handler.New(exec)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	return srv.ServeHTTP
}
