// Package dumpout dumps its outgoing requests with httputil.DumpRequestOut, // want package:"program\\(covered\\(1\\) starts\\(dumpout\\.Main\\)\\)"
// which gives a request without a body a dummy one
// (io.LimitReader(neverEnding('x'), n)): that bounds no client's body, so
// the program rule still reports the server (writefreely's ActivityPub
// client).
package dumpout

import (
	"encoding/json"
	"net/http"
	"net/http/httputil"
)

func create(w http.ResponseWriter, r *http.Request) { // want create:"reads\\(1:json.Decoder.Decode\\)"
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v) // want `^json\.Decoder\.Decode reads the whole request body into memory with no limit on this route`
}

func post(url string) ([]byte, error) {
	req, err := http.NewRequest("POST", url, nil)
	if err != nil {
		return nil, err
	}
	return httputil.DumpRequestOut(req, true)
}

func Main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/create", create)
	http.ListenAndServe(":8080", mux)
}
