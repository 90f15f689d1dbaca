// Package drain: request bodies handed as an io.Reader to functions that // want package:"program\\(limits covered\\(3\\)\\)"
// read them whole.
package drain

import (
	"encoding/json"
	"io"
	"net/http"
	"os"

	"bodylimit/drain/parse"
)

// decodeFrom reads its stream whole: a fact of the package.
func decodeFrom(r io.Reader, v any) error { // want decodeFrom:`drains\(0:json.Decoder.Decode\)`
	return json.NewDecoder(r).Decode(v)
}

// importOPML hands the body to another package's parser (miniflux's
// POST /v1/import).
func importOPML(w http.ResponseWriter, r *http.Request) { // want importOPML:`reads\(1:xml.Decoder.Decode\)`
	h := &parse.Handler{}
	h.Import(1, r.Body) // want `^Import \(xml.Decoder.Decode at drain/parse/parse.go:\d+\) reads the whole request body into memory with no limit on this route`
}

// create hands the body to a helper of the package.
func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	decodeFrom(r.Body, &v) // want `^decodeFrom \(json.Decoder.Decode\) reads the whole request body into memory with no limit on this route`
}

// slurp goes through an exported helper of another package.
func slurp(w http.ResponseWriter, r *http.Request) { // want slurp:`reads\(1:io.ReadAll\)`
	parse.Slurp(r.Body) // want `^Slurp \(io.ReadAll at drain/parse/parse.go:\d+\) reads the whole request body`
}

// Negatives.

// The body is bounded before it is handed on.
func limitedArg(w http.ResponseWriter, r *http.Request) {
	parse.Slurp(io.LimitReader(r.Body, 1<<20)) // fine: at most 1 MiB reaches the read
}

// The handler bounds its body first.
func limitedBody(w http.ResponseWriter, r *http.Request) { // want limitedBody:`limits\(1\)`
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	parse.Slurp(r.Body) // fine: MaxBytesReader bounds the body
}

// The helper reads its own stream with a limit, or streams it.
func bounded(w http.ResponseWriter, r *http.Request) {
	parse.Bounded(r.Body) // fine: the helper reads at most 1 MiB
	f, _ := os.Create("upload")
	parse.Store(f, r.Body) // fine: streamed to a file
}

// A local file handed to the same parser: not a request body.
func local() {
	f, _ := os.Open("feeds.opml")
	h := &parse.Handler{}
	h.Import(1, f) // fine: a file, not a request
}

func serve() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /import", importOPML)
	mux.HandleFunc("POST /create", create)
	mux.HandleFunc("POST /slurp", slurp)
	mux.HandleFunc("POST /a", limitedArg)
	mux.HandleFunc("POST /b", limitedBody)
	mux.HandleFunc("POST /c", bounded)
	http.ListenAndServe(":8080", mux)
}
