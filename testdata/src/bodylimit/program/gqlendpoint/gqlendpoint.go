// Package gqlendpoint builds a gqlgen server and imports no HTTP package // want package:"program\\(reads\\(gqlgen's handler.Server\\)\\)"
// (photoview's graphql/endpoint): its POST transport is still a read of
// the module, passed on to the package that serves it.
package gqlendpoint

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
)

// Legacy serves the schema with gqlgen's default transports.
func Legacy(es graphql.ExecutableSchema) *handler.Server {
	return handler.NewDefaultServer(es) // its POST transport: named by the server's finding
}
