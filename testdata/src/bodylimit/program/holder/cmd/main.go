// Command cmd keeps its router in a library's holder and serves what the // want package:`program\(covered\(1\)\)`
// holder gives back (go-admin's sdk.Runtime.SetEngine and GetEngine): the
// handler is the package's own ServeMux, so the server serves the reads
// of the packages it imports.
package main

import (
	"net/http"

	"bodylimit/program/holder/routes"
	"example.com/appruntime"
)

func main() {
	appruntime.Runtime.SetEngine(http.NewServeMux())
	routes.Init()
	srv := &http.Server{Addr: ":8080", Handler: appruntime.Runtime.GetEngine()}
	srv.ListenAndServe() // want `routes.create \(json.Decoder.Decode\) reads request bodies whole with no body limit in this package or the module.s packages it imports; a server starts here`
}
