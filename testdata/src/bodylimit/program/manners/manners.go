// Command manners serves its mux through braintree/manners: NewWithServer // want package:`program\(covered\(1\)\)`
// keeps the http.Server it is given and Serve starts it (pufferpanel).
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

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	Engine = mux
	l, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	webService = manners.NewWithServer(&http.Server{Handler: mux})
	go func() {
		webService.Serve(l) // want `^main\.create \(io\.ReadAll\) reads request bodies whole with no body limit`
	}()
	select {}
}
