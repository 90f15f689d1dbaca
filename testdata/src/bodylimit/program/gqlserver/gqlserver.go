// Command gqlserver serves a gqlgen GraphQL server beside the handlers of // want package:"program\\(covered\\(5\\)\\)"
// package api, and nothing bounds request bodies (photoview's GraphqlEndpoint):
// gqlgen's POST transport reads every body with io.ReadAll, so the
// server is a read of the module, named where the transport is added.
package main

import (
	"net/http"

	"bodylimit/program/api"
	"bodylimit/program/gqlendpoint"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

func endpoint(es graphql.ExecutableSchema) *handler.Server {
	srv := handler.New(es)
	srv.AddTransport(transport.GET{})           // fine: the query is in the URL
	srv.AddTransport(transport.MultipartForm{}) // fine: bounded by MaxUploadSize (32 MiB when 0)
	srv.AddTransport(&transport.POST{})         // the read, named in the finding
	return srv
}

func main() {
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New())
	mux.Handle("/graphql", endpoint(nil))
	mux.Handle("/v0/graphql", gqlendpoint.Legacy(nil))
	http.ListenAndServe(":8080", mux) // want `^4 functions and library handlers read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create \(json\.Decoder\.Decode\)`
}
