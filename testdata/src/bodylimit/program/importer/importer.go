// Package importer: the program rule names a call of another package's // want package:"program\\(covered\\(1\\)\\)"
// parser given the body, not the parser's read in that package.
package importer

import (
	"net/http"

	"bodylimit/drain/parse"
)

func importDoc(w http.ResponseWriter, r *http.Request) { // want importDoc:"reads\\(1:io.ReadAll\\)"
	parse.Slurp(r.Body)
}

// routes returns its mux: the pass does not follow it.
func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /import", importDoc)
	return mux
}

func Run() {
	http.ListenAndServe(":8080", routes()) // want `^handler importer\.importDoc \(Slurp: io\.ReadAll at drain/parse/parse\.go:\d+\) served here reads request bodies whole`
}
