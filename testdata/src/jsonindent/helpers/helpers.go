// Package helpers holds the JSON helpers real services hide their
// indenting encoders in; package api uses them.
package helpers

import (
	"encoding/json"
	"io"
	"net/http"
)

type Record struct {
	Key    string
	Values []float64
}

func loadAll() []Record { return nil }

// WriteJSON takes the ResponseWriter itself: a request-path helper,
// reported here whatever its callers pass.
func WriteJSON(w http.ResponseWriter, status int, v any) { // want WriteJSON:`request-path helper: json.MarshalIndent of param 2`
	b, err := json.MarshalIndent(v, "", "  ") // want `json.MarshalIndent of v \(any\) in request-path helper WriteJSON holds the compact and the indented document in memory at once; stream it with json.NewEncoder\(w\).Encode`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	w.Write(b)
}

// Encode writes to any writer: its callers decide.
func Encode(w io.Writer, v any) error { // want Encode:`\(\*json.Encoder\).SetIndent of param 1 into param 0`
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// Pretty returns the indented document: its callers decide.
func Pretty(v any) ([]byte, error) { // want Pretty:`json.MarshalIndent of param 0 into result`
	return json.MarshalIndent(v, "", "  ")
}

// DumpAll encodes a value of its own into a writer it is given.
func DumpAll(w io.Writer) error { // want DumpAll:`\(\*json.Encoder\).SetIndent of \[\]helpers.Record into param 0`
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(loadAll())
}

// Respond forwards to Encode.
func Respond(w io.Writer, v any) error { // want Respond:`\(\*json.Encoder\).SetIndent of param 1 into param 0`
	return Encode(w, v)
}

// writeIndented is used by a handler of this package with its
// ResponseWriter: reported here, once, as a request-path helper.
func writeIndented(w io.Writer, v any) { // want writeIndented:`request-path helper: json.MarshalIndent of param 1`
	b, _ := json.MarshalIndent(v, "", "  ") // want `json.MarshalIndent of v in request-path helper writeIndented, given \[\]Record \(unbounded\) by ListRecords, holds the compact and the indented document in memory at once`
	w.Write(b)
}

func ListRecords(w http.ResponseWriter, r *http.Request) {
	writeIndented(w, loadAll())
	writeIndented(w, loadAll()) // the same finding: reported once
}

// Fine: writes a bounded value only.
func Ping(w http.ResponseWriter, r *http.Request) {
	Encode(w, struct{ OK bool }{true})
}
