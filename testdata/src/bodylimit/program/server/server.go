// Package server starts the service with a handler it builds: nothing in it or in the packages of its module it imports bounds a body (the program rule). // want package:"program\\(covered\\(3\\) starts\\(server\\.Run\\)\\)"
package server

import (
	"net/http"

	"bodylimit/program/api"
)

func Run() {
	go serve(api.New())
	serve(http.NewServeMux())
}

// serve is unexported and only called here: its handler is built in this
// package, no importer can have wrapped it in a limit.
func serve(handler http.Handler) {
	srv := &http.Server{Addr: ":8080", Handler: handler}
	srv.ListenAndServe()                 // want `2 functions read request bodies whole \(1 call through a helper\), first api\.\(\*Handler\)\.create \(json\.Decoder\.Decode\), with no body limit in this package or the module's packages it imports; a server starts here, so a client decides how much memory a request takes; bound bodies with http\.MaxBytesHandler$`
	srv.ListenAndServeTLS("cert", "key") // reported once per package, at the first serve
}
