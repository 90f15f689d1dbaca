// Command limitedcmd gives server.Start echo's BodyLimit: the module // want package:"program\\(limits reads\\(handler\\.create\\)\\)"
// bounds bodies, so silent.
package main

import (
	"github.com/labstack/echo/v4/middleware"

	"bodylimit/program/installs/server"
)

func main() {
	go server.Start(":8000", middleware.BodyLimit("1M")) // fine: BodyLimit bounds bodies
	server.StartAdmin(":8002")                           // fine: the module bounds bodies (above), precision first
}
