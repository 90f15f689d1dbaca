// Package fork exercises a fork of encoding/json (zgo.at/json), matched
// by its package path and encoding/json's signatures.
package fork

import (
	"net/http"

	"jsonindent/forkhelper"

	zjson "zgo.at/json"
)

type Hit struct {
	Path  string
	Count int
}

func hits() []Hit { return nil }

func forkIndent(w http.ResponseWriter, r *http.Request) {
	b, _ := zjson.MarshalIndent(hits(), "", "  ") // want `^zgo.at/json MarshalIndent of \[\]Hit \(any size\) on a request path builds the whole document in memory with its indentation whitespace; use Marshal to save the whitespace$`
	w.Write(b)
}

func forkEncoder(w http.ResponseWriter, r *http.Request) {
	enc := zjson.NewEncoder(w)
	enc.NullArray(false)
	enc.SetIndent("", "  ") // want `^zgo.at/json \(\*Encoder\).SetIndent then Encode of \[\]Hit \(any size\) on a request path builds the whole document in memory with its indentation whitespace; drop the SetIndent call to save the whitespace$`
	enc.Encode(hits())
}

// Fine: the fork's Marshal.
func forkCompact(w http.ResponseWriter, r *http.Request) {
	b, _ := zjson.Marshal(hits())
	w.Write(b)
}

// A helper of another package (goatcounter's zhttp.JSON) indents whatever
// it is given: reported where the unbounded value enters it.
func viaHelper(w http.ResponseWriter, r *http.Request) error {
	return forkhelper.JSON(w, struct{ Hits []Hit }{Hits: hits()}) // want `^zgo.at/json \(\*Encoder\).SetIndent of struct\{Hits \[\]Hit\} \(any size\) via forkhelper.JSON on a request path builds the whole document in memory with its indentation whitespace`
}

// Fine: a small envelope through the same helper.
func okViaHelper(w http.ResponseWriter, r *http.Request) error {
	return forkhelper.JSON(w, map[string]string{"status": "ok"})
}
