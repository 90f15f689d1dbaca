// Command libserved starts its server with a library of another module // want package:`program\(covered\(5\) getOnly\(6\)\)`
// (example.com/zserve.Serve, goatcounter's zhttp.Serve): the call is
// where the program rule reports, naming the handlers' reads.
package main

import (
	"encoding/json"
	"net/http"

	"example.com/zserve"
	"github.com/go-chi/chi/v5"
)

type handlers struct{}

type args struct{ Name string }

// list is registered for GET only, and zserve.Decode reads the body only
// for another method: no read.
func (h handlers) list(w http.ResponseWriter, r *http.Request) error { // want list:`reads\(1:json.Decoder.Decode!GET\)`
	var a args
	return zserve.Decode(r, &a)
}

// create is registered for POST: Decode reads its body whole.
func (h handlers) create(w http.ResponseWriter, r *http.Request) error { // want create:`reads\(1:json.Decoder.Decode!GET\)`
	var a args
	return zserve.Decode(r, &a)
}

// both is registered for GET and for POST: its POST requests are read.
func (h handlers) both(w http.ResponseWriter, r *http.Request) error { // want both:`reads\(1:json.Decoder.Decode!GET\)`
	var a args
	return zserve.Decode(r, &a)
}

// always is registered for GET only, but DecodeBody reads the body of a
// GET request too (a client may send one).
func (h handlers) always(w http.ResponseWriter, r *http.Request) error { // want always:`reads\(1:json.Decoder.Decode\)`
	var a args
	return zserve.DecodeBody(r, &a)
}

// inTx hands the request to Decode inside a closure another function runs
// (a transaction): the handler reads it, wherever the closure runs.
func (h handlers) inTx(w http.ResponseWriter, r *http.Request) error { // want inTx:`reads\(1:json.Decoder.Decode!GET\)`
	var a args
	return tx(func() error {
		return zserve.Decode(r, &a)
	})
}

// onPost reads the body only when the method is POST; registered for GET
// only, it never does.
func (h handlers) onPost(w http.ResponseWriter, r *http.Request) error { // want onPost:`reads\(1:json.Decoder.Decode!GET\)`
	if r.Method == http.MethodPost {
		var a args
		return json.NewDecoder(r.Body).Decode(&a)
	}
	return nil
}

// afterGet returns for GET before it reads; registered for GET only.
func (h handlers) afterGet(w http.ResponseWriter, r *http.Request) error { // want afterGet:`reads\(1:json.Decoder.Decode!GET\)`
	if r.Method == "GET" {
		return nil
	}
	var a args
	return json.NewDecoder(r.Body).Decode(&a)
}

// byTag reads in the PUT case of a switch on the method; registered for
// GET only.
func (h handlers) byTag(w http.ResponseWriter, r *http.Request) error { // want byTag:`reads\(1:json.Decoder.Decode!GET\)`
	switch r.Method {
	case "PUT", http.MethodPatch:
		var a args
		return json.NewDecoder(r.Body).Decode(&a)
	}
	return nil
}

// getCase reads in a case that a GET request reaches: registered for GET
// only, it is still a read.
func (h handlers) getCase(w http.ResponseWriter, r *http.Request) error { // want getCase:`reads\(1:json.Decoder.Decode\)`
	switch r.Method {
	case "GET", "PUT":
		var a args
		return json.NewDecoder(r.Body).Decode(&a)
	}
	return nil
}

func tx(fn func() error) error { return fn() }

func main() {
	var h handlers
	r := chi.NewRouter()
	r.Get("/list", zserve.Wrap(h.list))
	r.Post("/create", zserve.Wrap(h.create))
	r.Get("/both", zserve.Wrap(h.both))
	r.Post("/both", zserve.Wrap(h.both))
	r.Get("/always", zserve.Wrap(h.always))
	r.Post("/tx", zserve.Wrap(h.inTx))
	r.Get("/onpost", zserve.Wrap(h.onPost))
	r.Get("/afterget", zserve.Wrap(h.afterGet))
	r.Get("/bytag", zserve.Wrap(h.byTag))
	r.Get("/getcase", zserve.Wrap(h.getCase))
	stop := make(chan struct{})
	ch, err := zserve.Serve(0, stop, &http.Server{Addr: ":8080", Handler: r}) // want `^5 functions read request bodies whole, first main\.\(handlers\)\.create \(Decode: json\.Decoder\.Decode at zserve/zserve\.go:43\)`
	if err != nil {
		panic(err)
	}
	<-ch
}
