// Command libsetscmd starts its servers with a library function that sets // want package:`program\(limits reads\(api\.\(\*Handler\)\.create,api\.\(\*Handler\)\.Handle,main\.create,main\.create2\) through\(1\) covered\(2\)\)`
// the server's Handler first (example.com/zserve.ServeBounded, which
// wraps it in http.MaxBytesHandler: a setsHandler fact); calling it counts
// as a limit for the program rule (it may bound the module's routes).
package main

import (
	"encoding/json"
	"net/http"

	"bodylimit/program/api"
	"example.com/zserve"
)

// The program rule: ServeBounded carries no servers fact, so no server of
// the package's handler is known to start here, and a call of it counts as
// a limit: silent.
func main() {
	zserve.ServeBounded(&http.Server{Addr: ":8080", Handler: api.New()})
}

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v) // silent: its server goes to ServeBounded, which bounds it
}

// direct wires a router whose server literal goes to ServeBounded: the
// wiring rule does not take the literal for a server started unbounded.
func direct() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /create", create)
	zserve.ServeBounded(&http.Server{Addr: ":8081", Handler: mux})
}

func create2(w http.ResponseWriter, r *http.Request) { // want create2:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v) // silent: as create, through a variable
}

func viaVar() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /create2", create2)
	srv := &http.Server{Addr: ":8082", Handler: mux}
	zserve.ServeBounded(srv)
}

func create3(w http.ResponseWriter, r *http.Request) { // want create3:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v) // want `json.Decoder.Decode reads the whole request body into memory with no limit on this route`
}

// unbounded gives its server literal to Serve, which starts it as it is.
func unbounded() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /create3", create3)
	zserve.Serve(0, nil, &http.Server{Addr: ":8083", Handler: mux})
}

func create4(w http.ResponseWriter, r *http.Request) { // want create4:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v) // want `json.Decoder.Decode reads the whole request body into memory with no limit on this route`
}

// acme gives its server literal to ServeACME, whose wrapper bounds
// nothing: the route is served unbounded.
func acme() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /create4", create4)
	zserve.ServeACME(&http.Server{Addr: ":8084", Handler: mux})
}
