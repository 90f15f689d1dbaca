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
