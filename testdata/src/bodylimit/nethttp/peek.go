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

// bodyBytes reads the body whole and returns its bytes (one-api's
// GetRequestBody), for callers that put a copy back.
func bodyBytes(r *http.Request) ([]byte, error) { // want bodyBytes:`^reads\(0:io.ReadAll\)$`
	return io.ReadAll(r.Body)
}

// rebind reads the body through bodyBytes, puts back an in-memory copy of
// those bytes and decodes the copy (one-api's UnmarshalBodyReusable): the
// helper's read is the finding; the decode of the copy holds nothing more.
func rebind(w http.ResponseWriter, r *http.Request) { // want rebind:`^reads\(1:io.ReadAll\) copies\(1\)$`
	body, err := bodyBytes(r) // want `bodyBytes \(io.ReadAll\) reads the whole request body`
	if err != nil {
		return
	}
	r.Body = io.NopCloser(bytes.NewBuffer(body))
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}

func serveRebind() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /rebind", rebind)
	http.ListenAndServe(":8083", mux)
}

// rebindBody decodes a copy of the body bodyBytes read (one-api's
// UnmarshalBodyReusable) and leaves the copy in place for its callers.
func rebindBody(r *http.Request, v any) error { // want rebindBody:`^reads\(0:io.ReadAll\) copies\(0\)$`
	body, err := bodyBytes(r)
	if err != nil {
		return err
	}
	r.Body = io.NopCloser(bytes.NewBuffer(body))
	return json.NewDecoder(r.Body).Decode(v)
}

// relayAudio puts a copy back on one path only (one-api's audio relay
// decodes a speech request through UnmarshalBodyReusable, and copies a
// transcription's raw upload later): after the branch the body may be
// the raw one, so that read is reported too.
func relayAudio(w http.ResponseWriter, r *http.Request) { // want relayAudio:`^reads\(1:io.ReadAll,1:io.Copy into a bytes.Buffer\)$`
	var req struct{ Model string }
	if r.URL.Path == "/speech" {
		rebindBody(r, &req) // want `rebindBody \(io.ReadAll\) reads the whole request body`
	}
	var buf bytes.Buffer
	io.Copy(&buf, r.Body) // want `io.Copy into a bytes.Buffer reads the whole request body`
}

func serveRelayAudio() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /audio/", relayAudio)
	http.ListenAndServe(":8084", mux)
}
