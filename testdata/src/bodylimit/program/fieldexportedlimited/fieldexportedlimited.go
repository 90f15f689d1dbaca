// Command fieldexportedlimited sets the exported field's server itself, // want package:"program\\(limits reads\\(fieldexported\\.\\(\\*App\\)\\.create\\)\\)"
// wrapping the handler in http.MaxBytesHandler.
package main

import (
	"net/http"

	"bodylimit/program/fieldexported"
)

func main() {
	a := fieldexported.New()
	a.Server.Handler = http.MaxBytesHandler(a.Server.Handler, 1<<20)
	a.Start() // fine: this package bounds bodies
}
