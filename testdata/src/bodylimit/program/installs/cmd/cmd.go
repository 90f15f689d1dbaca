// Command cmd gives server.Start a metrics middleware (hanko's cmd/serve: // want package:"program\\(covered\\(1\\)\\)"
// prometheus := echoprometheus.NewMiddleware("hanko")) and nil, neither
// of which bounds bodies: nothing in the module does, so the program
// rule reports the first start call.
package main

import (
	"github.com/labstack/echo-contrib/echoprometheus"

	"bodylimit/program/installs/server"
)

func main() {
	prometheus := echoprometheus.NewMiddleware("items")
	go server.Start(":8000", nil) // want `^handler\.create \(echo Bind\) reads request bodies whole with no body limit in this package or the module.s packages it imports; a server starts here \(server\.Start starts it at program/installs/server/server\.go:21\).*; bound bodies with echo.s middleware\.BodyLimit`
	go server.Start(":8001", prometheus)
	server.StartAdmin(":8002")
}
