// Command cmd mounts the handlers' router on the app's server and runs // want package:"program\\(covered\\(1\\)\\)"
// it: the reads are served at the call of Run.
package main

import (
	"bodylimit/program/mounted/app"
	"bodylimit/program/mounted/handlers"
)

func main() {
	a := app.New()
	a.Mount("/api/", handlers.Routes())
	a.Run(":8080") // want `^handlers\.addItems \(json\.Decoder\.Decode\) reads request bodies whole with no body limit in this package or the module.s packages it imports; a server starts here \(app\.\(\*Server\)\.Run starts it at program/mounted/app/app\.go:26\)`
}
