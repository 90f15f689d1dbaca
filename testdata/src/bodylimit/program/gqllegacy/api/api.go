// Package api serves GraphQL with gqlgen's deprecated handler.GraphQL, // want package:"program\\(reads\\(gqlgen's handler.Server\\)\\)"
// an http.HandlerFunc whose POST transport reads every body with
// io.ReadAll, behind a closure that picks the playground or the API
// (traggo's graphql.Handler).
package api

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/handler"
)

// Handler serves the schema.
func Handler(es graphql.ExecutableSchema) http.HandlerFunc {
	gql := handler.GraphQL(es) // the read, named in the server's finding
	return func(w http.ResponseWriter, r *http.Request) {
		gql.ServeHTTP(w, r)
	}
}
