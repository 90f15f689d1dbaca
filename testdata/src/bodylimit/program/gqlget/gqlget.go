// Command gqlget serves a gqlgen server whose transports read no body
// whole: GET takes the query from the URL and MultipartForm is bounded
// by its MaxUploadSize. Nothing bounds bodies, and nothing reads one.
package main

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

func main() {
	srv := handler.New(nil)
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: 1 << 20})
	http.ListenAndServe(":8080", srv) // fine: no transport reads a body whole
}
