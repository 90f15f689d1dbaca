// Command cmd serves the debug mux, then the API. // want package:"program\\(covered\\(3\\)\\)"
// The debug port serves none of the module's reading handlers (debug's
// program fact names no read), so the API server is where the program
// rule reports.
package main

import (
	"net/http"

	"bodylimit/program/adapted/debug"
	"bodylimit/program/adapted/users"
	"bodylimit/program/adapted/web"
)

func main() {
	go http.ListenAndServe(":4000", debug.Mux())
	app := web.New()
	users.Routes(app)
	api := &http.Server{Addr: ":3000", Handler: app}
	api.ListenAndServe() // want `^2 functions read request bodies whole \(1 call through a helper\), first a func literal in users\.Routes \(io\.ReadAll\)`
}
