// Command gqlonly serves nothing but gqlgen servers, one kept in a local // want package:"program\\(covered\\(2\\)\\)"
// variable (the examples' graphqld): gqlgen's handlers are another
// module's, but they read bodies, so the mux is no telemetry mux and its
// server is reported.
package main

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

func main() {
	var es graphql.ExecutableSchema
	srv := handler.New(es)
	srv.AddTransport(transport.POST{})
	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)
	mux.Handle("/v0/graphql", handler.NewDefaultServer(es))
	s := &http.Server{Addr: ":8080", Handler: mux}
	s.ListenAndServe() // want `^2 library handlers read request bodies whole, first gqlgen's handler\.Server`
}
