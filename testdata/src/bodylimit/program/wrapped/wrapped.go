// Command wrapped: a server literal handed to a library that returns it (the program rule). // want package:"program\\(covered\\(3\\)\\)"
//
// hydra's serve does var srv = graceful.WithDefaults(&http.Server{Handler:
// handler}): the literal written here holds the handler.
package main

import (
	"net/http"

	"bodylimit/program/api"
	"bodylimit/program/graceful"
)

func main() {
	srv := graceful.WithDefaults(&http.Server{Addr: ":8080", Handler: api.New()})
	srv.ListenAndServe() // want `2 functions read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create`
}
