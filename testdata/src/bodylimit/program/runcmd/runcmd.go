// Command runcmd gives its handler to another package's function that // want package:"program\\(covered\\(3\\)\\)"
// serves it (gotify's runner.Run): the call is where the program rule
// reports.
package main

import (
	"bodylimit/program/api"
	"bodylimit/program/exported"
)

func main() {
	engine := api.New()
	exported.Serve(engine) // want `^2 functions read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create`
}
