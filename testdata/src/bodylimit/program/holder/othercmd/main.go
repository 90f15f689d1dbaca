// Command othercmd serves a handler the library builds itself and never // want package:`program\(reads\(routes\.create\)\)`
// sets one: that server serves none of the module's routes, so nothing
// is reported here.
package main

import (
	"net/http"

	"bodylimit/program/holder/routes"
	"example.com/appruntime"
)

func main() {
	routes.Init()
	srv := &http.Server{Addr: ":8081", Handler: appruntime.Runtime.GetDebug()}
	srv.ListenAndServe() // silent: a handler the library builds from nothing of the module's
}
