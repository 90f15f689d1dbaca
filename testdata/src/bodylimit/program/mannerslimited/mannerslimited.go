// Command mannerslimited serves its mux through a wrapper whose Serve sets // want package:`program\(reads\(main.create\)\)`
// the server's Handler to a body limit: no finding.
package main

import (
	"io"
	"net"
	"net/http"

	"example.com/limitgrace"
)

// Engine is where the mux is kept for other packages (pufferpanel.Engine
// = router): the router is stored, so only the program rule judges it.
var Engine *http.ServeMux

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:io.ReadAll\)`
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	Engine = mux
	l, _ := net.Listen("tcp", ":8080")
	srv := limitgrace.New(&http.Server{Handler: mux})
	srv.Serve(l) // fine: Serve wraps the handler in http.MaxBytesHandler
}
