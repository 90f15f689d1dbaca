// Command tracedcmd gives its handler to another package's method that // want package:"program\\(covered\\(3\\)\\)"
// wraps it in a tracing handler and starts a server with it through a
// second method (exposure-notifications-server's admin console): the call
// is where the program rule reports.
package main

import (
	"context"

	"bodylimit/program/api"
	"bodylimit/program/exported"
)

func main() {
	var srv exported.Server
	srv.ServeHTTPHandler(context.Background(), api.New()) // want `^2 functions read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create`
}
