// Command mannersother serves a manners server that a function of the // want package:`program\(reads\(main.create\)\)`
// package may also be given from its caller: which handler it serves is
// not known, so it is not judged.
package main

import (
	"io"
	"net"
	"net/http"

	"github.com/braintree/manners"
)

var webService *manners.GracefulServer

// Engine is where the mux is kept for other packages (pufferpanel.Engine
// = router): the router is stored, so only the program rule judges it.
var Engine *http.ServeMux

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:io.ReadAll\)`
	body, _ := io.ReadAll(r.Body)
	w.Write(body)
}

// use installs a server its caller built (it may bound bodies).
func use(s *manners.GracefulServer) { webService = s }

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	Engine = mux
	l, _ := net.Listen("tcp", ":8080")
	webService = manners.NewWithServer(&http.Server{Handler: mux})
	webService.Serve(l) // fine: webService may hold the server use was given
}
