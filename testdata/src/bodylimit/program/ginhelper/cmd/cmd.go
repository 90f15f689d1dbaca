// Command cmd serves the handlers' router with no body limit. // want package:"program\\(covered\\(3\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/ginhelper/handlers"
)

func main() {
	srv := &http.Server{Addr: ":8080", Handler: handlers.Routes()}
	srv.ListenAndServe() // want `^dto\.BindJSON \(gin ShouldBindWith \(binding\.JSON\)\) reads request bodies whole \(2 calls through helpers\) with no body limit`
}
