// Command limitedcmd mounts the same router behind http.MaxBytesHandler: // want package:"program\\(limits reads\\(handlers\\.addItems\\)\\)"
// bodies are bounded, so running the server is no finding.
package main

import (
	"net/http"

	"bodylimit/program/mounted/app"
	"bodylimit/program/mounted/handlers"
)

func main() {
	a := app.New()
	a.Mount("/api/", http.MaxBytesHandler(handlers.Routes(), 1<<20))
	a.Start(":8080")
}
