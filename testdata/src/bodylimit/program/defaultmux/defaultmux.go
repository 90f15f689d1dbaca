// Command defaultmux registers the service on the default ServeMux and serves it (cfssl's layout; the program rule). // want package:"program\\(defaultMux covered\\(3\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/api"
)

func main() {
	http.Handle("/", api.New())
	http.ListenAndServe(":4", nil) // want `2 functions read request bodies whole`
}
