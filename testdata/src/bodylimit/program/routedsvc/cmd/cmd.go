// Command cmd starts the web server after giving it the API's routes // want package:"program\\(covered\\(1\\)\\)"
// through the RoutedService interface.
package main

import (
	"bodylimit/program/routedsvc/api"
	"bodylimit/program/routedsvc/web"
)

func main() {
	ws := web.NewServer(8000)
	ws.AddRoutes(&api.API{})
	ws.Start() // want `^api\.\(\*API\)\.handlePostBlocks \(io\.ReadAll\) reads request bodies whole with no body limit in this package or the module.s packages it imports; a server starts here \(web\.\(\*Server\)\.Start starts it at program/routedsvc/web/web\.go:\d+\)`
}
