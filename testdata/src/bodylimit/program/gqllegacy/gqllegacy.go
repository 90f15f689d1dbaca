// Command gqllegacy registers a deprecated gqlgen handler and starts the // want package:"program\\(covered\\(1\\)\\)"
// server through server.Start (traggo's main): the finding is at that
// call, naming handler.GraphQL's call as the read.
package main

import (
	"net/http"

	"bodylimit/program/gqllegacy/api"
	"bodylimit/program/gqllegacy/server"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/graphql", api.Handler(nil))
	server.Start(mux, 8080) // want `^gqlgen's handler\.Server \(transport\.POST\.Do: io\.ReadAll, which handler\.GraphQL adds\) reads request bodies whole`
}
