// Package helpers holds the JSON helpers real services hide their
// indenting encoders in; package api uses them.
package helpers

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
)

type Record struct {
	Key    string
	Values []float64
}

// loadAll reads every row of a query: the values built from it hold rows.
func loadAll() (out []Record) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Record{})
	}
	return out
}

var store *sql.DB

// WriteJSON takes the ResponseWriter itself: a request-path helper. It is
// not reported here: its callers are, where they pass it an unbounded
// value (callers that pass small envelopes are fine).
func WriteJSON(w http.ResponseWriter, status int, v any) { // want WriteJSON:`json.MarshalIndent indents\(2\) requestPath`
	b, err := json.MarshalIndent(v, "", "  ") // fine here: reported at the callers that pass unbounded values
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	w.Write(b)
}

// Encode writes to any writer: its callers decide.
func Encode(w io.Writer, v any) error { // want Encode:`\(\*json.Encoder\).SetIndent indents\(1\) into\(0\)`
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Pretty returns the indented document: its callers decide.
func Pretty(v any) ([]byte, error) { // want Pretty:`json.MarshalIndent indents\(0\) intoResult`
	return json.MarshalIndent(v, "", "  ")
}

// DumpAll encodes a value of its own into a writer it is given.
func DumpAll(w io.Writer) error { // want DumpAll:`\(\*json.Encoder\).SetIndent indents\(\[\]helpers.Record\) into\(0\)`
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(loadAll())
}

// Respond forwards to Encode.
func Respond(w io.Writer, v any) error { // want Respond:`\(\*json.Encoder\).SetIndent indents\(1\) into\(0\)`
	return Encode(w, v)
}

// writeIndented is used by a handler of this package with its
// ResponseWriter: reported at each call that passes an unbounded value.
func writeIndented(w io.Writer, v any) { // want writeIndented:`json.MarshalIndent indents\(1\) into\(0\)`
	b, _ := json.MarshalIndent(v, "", "  ")
	w.Write(b)
}

func ListRecords(w http.ResponseWriter, r *http.Request) {
	writeIndented(w, loadAll()) // want `^json.MarshalIndent of \[\]Record \(rows of a query\) via writeIndented on a request path holds the compact and the indented document in memory at once; use json.Marshal or json.NewEncoder\(w\).Encode to drop the indented copy$`
	writeIndented(w, loadAll()) // want `via writeIndented`
}

// Fine: WriteJSON given small envelopes only.
func Health(w http.ResponseWriter, r *http.Request) {
	WriteJSON(w, http.StatusOK, map[string]bool{"ok": true})
	WriteJSON(w, http.StatusOK, struct{ Error string }{"nope"})
}

// Fine: writes a bounded value only.
func Ping(w http.ResponseWriter, r *http.Request) {
	Encode(w, struct{ OK bool }{true})
}
