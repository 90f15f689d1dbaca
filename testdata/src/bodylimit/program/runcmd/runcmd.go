// Command runcmd gives its handler to another package's function that // want package:"program\\(covered\\(2\\)\\)"
// serves it (gotify's runner.Run): the call is where the program rule
// reports.
package main

import (
	"bodylimit/program/api"
	"bodylimit/program/exported"
)

func main() {
	engine := api.New()
	exported.Serve(engine) // want `^2 functions read request bodies whole, first api\.\(\*Handler\)\.create`
}
