// Command pprofcmd starts a debug server // want package:"program\\(covered\\(3\\)\\)"
// of the default ServeMux, where only net/http/pprof registers, before the
// service's own server (transfer.sh's layout): the program rule reports at
// the server that serves the routes.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"bodylimit/program/api"
)

func main() {
	go http.ListenAndServe("localhost:6060", nil)
	srv := &http.Server{Addr: ":8080", Handler: api.New()}
	srv.ListenAndServe() // want `^2 functions read request bodies whole`
}
