// Command redirectcmd builds the router and has redirect.Serve serve it. // want package:"program\\(covered\\(1\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/redirect"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", redirect.Create)
	redirect.Serve(mux) // want `^redirect\.Create \(json\.Decoder\.Decode\) reads request bodies whole`
}
