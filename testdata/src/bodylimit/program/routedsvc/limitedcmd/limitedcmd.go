// Command limitedcmd starts limitedweb's server, whose router bounds // want package:"program\\(limits reads\\(api\\.\\(\\*API\\)\\.handlePostBlocks\\)\\)"
// bodies, with the API's routes: fine.
package main

import (
	"bodylimit/program/routedsvc/api"
	web "bodylimit/program/routedsvc/limitedweb"
)

func main() {
	ws := web.NewServer(8000)
	ws.AddRoutes(&api.API{})
	ws.Start() // fine: the router limitedweb makes bounds every body
}
