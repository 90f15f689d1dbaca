// Command graphqld serves a GraphQL API with gqlgen. gqlgen's POST
// transport reads every request body with io.ReadAll, and nothing in this
// program bounds a body, so bodylimit's program rule reports the server
// and names the transports it adds: wrap the handler in
// http.MaxBytesHandler. (A real service generates its ExecutableSchema
// with gqlgen; a hand-written one of one field stands in here.)
package main

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// hello is the schema "type Query { hello: String }", answering every
// operation with the same data.
type hello struct{ schema *ast.Schema }

func (h hello) Schema() *ast.Schema { return h.schema }

func (hello) Complexity(ctx context.Context, typeName, fieldName string, childComplexity int, args map[string]any) (int, bool) {
	return 0, false
}

func (hello) Exec(ctx context.Context) graphql.ResponseHandler {
	return func(ctx context.Context) *graphql.Response {
		return &graphql.Response{Data: []byte(`{"hello":"world"}`)}
	}
}

func main() {
	es := hello{gqlparser.MustLoadSchema(&ast.Source{Input: "type Query { hello: String }"})}
	srv := handler.New(es)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	mux := http.NewServeMux()
	mux.Handle("/graphql", srv)
	mux.Handle("/v0/graphql", handler.NewDefaultServer(es)) //nolint:staticcheck // the deprecated constructor older services still call
	s := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(s.ListenAndServe())
}
