package nethttp

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// decodeAll reads a request's body whole, as go-webauthn's parsers do.
func decodeAll(r *http.Request, v any) error { // want decodeAll:`reads\(0:json.Decoder.Decode\)`
	return json.NewDecoder(r.Body).Decode(v)
}

// peek reads the body whole, puts back an in-memory copy and hands the
// request on (opengist's webauthn handlers): the first read is the
// finding; the reads of the copy, direct or in a helper, hold nothing it
// does not.
func peek(w http.ResponseWriter, r *http.Request) { // want peek:`reads\(1:io.ReadAll\)`
	body, _ := io.ReadAll(r.Body) // want `io.ReadAll reads the whole request body`
	r.Body = io.NopCloser(bytes.NewBuffer(body))
	var name struct{ Name string }
	json.NewDecoder(r.Body).Decode(&name)
	var v map[string]any
	decodeAll(r, &v)
}

func servePeek() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /peek", peek)
	http.ListenAndServe(":8081", mux)
}

// peekBody reads the body whole and puts back an in-memory copy, for its
// callers (wakapi's tryParseBulk): its fact says so.
func peekBody(r *http.Request) []byte { // want peekBody:`reads\(0:io.ReadAll\) copies\(0\)`
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewBuffer(body))
	return body
}

// peekThenRead reads what peekBody put back: the copy, so only the
// helper's read is the finding.
func peekThenRead(w http.ResponseWriter, r *http.Request) { // want peekThenRead:`^reads\(1:io.ReadAll\) copies\(1\)$`
	peekBody(r) // want `peekBody \(io.ReadAll\) reads the whole request body`
	io.ReadAll(r.Body)
}

func servePeekThenRead() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /peek2", peekThenRead)
	http.ListenAndServe(":8082", mux)
}
