// Package cmd serves server's engine and installs mw.Trace, which copies // want package:"serverForms\\(covered\\(3\\)\\)"
// the request too: the forms were named at server's otelgin call
// already, so none is reported twice.
package cmd

import (
	"net/http"

	"multipart/remote/mw"
	"multipart/remote/server"
)

// Main serves the engine.
func Main() { // want Main:"copiesRequest\\(gin\\)"
	r := server.Engine(true)
	r.Use(mw.Trace())
	http.ListenAndServe(":8080", r)
}
