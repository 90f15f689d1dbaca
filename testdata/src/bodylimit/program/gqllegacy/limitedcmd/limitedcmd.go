// Command limitedcmd serves the deprecated gqlgen handler through // want package:"program\\(limits reads\\(gqlgen's handler.Server\\)\\)"
// limitedserver.Start, which bounds every body: no finding.
package main

import (
	"net/http"

	"bodylimit/program/gqllegacy/api"
	"bodylimit/program/gqllegacy/limitedserver"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/graphql", api.Handler(nil))
	limitedserver.Start(mux, 8080) // fine: bounded in limitedserver.Start
}
