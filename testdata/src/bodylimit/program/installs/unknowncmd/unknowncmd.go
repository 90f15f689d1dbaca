// Command unknowncmd gives server.Start a middleware the pass cannot // want package:"program\\(limits reads\\(handler\\.create\\)\\)"
// resolve (made by a func variable, which may be set to anything): it
// may bound bodies, so silent. The package imports no HTTP package: the
// call is judged all the same.
package main

import (
	"github.com/labstack/echo-contrib/echoprometheus"

	"bodylimit/program/installs/server"
)

var newMetrics = echoprometheus.NewMiddleware

func main() {
	server.Start(":8000", newMetrics("items")) // fine: newMetrics may return a middleware that bounds bodies
}
