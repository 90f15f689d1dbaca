// Package importer: the program rule names a read in another package of // want package:"program\\(covered\\(3\\) starts\\(importer\\.Run\\)\\)"
// the module where it is, and one in another module's package at the
// handler's call that hands it the body.
package importer

import (
	"net/http"

	"example.com/webauthn/protocol"

	"bodylimit/drain/parse"
)

func importDoc(w http.ResponseWriter, r *http.Request) { // want importDoc:"reads\\(1:io.ReadAll\\)"
	parse.Slurp(r.Body)
}

func login(w http.ResponseWriter, r *http.Request) { // want login:"reads\\(1:json.Decoder.Decode\\)"
	protocol.ParseBody(r.Body)
}

// routes returns its mux: the pass does not follow it.
func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /import", importDoc)
	mux.HandleFunc("POST /login", login)
	return mux
}

func Run() {
	http.ListenAndServe(":8080", routes()) // want `^2 functions read request bodies whole`
}
