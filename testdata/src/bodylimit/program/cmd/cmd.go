// Command cmd runs the server package and serves the default ServeMux: the reads are already named by the server package's finding (the program rule). // want package:"program\\(covered\\(3\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/server"
)

func main() {
	go server.Run()
	http.ListenAndServe(":9090", nil)
}
