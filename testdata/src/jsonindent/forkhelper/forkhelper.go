// Package forkhelper writes JSON responses with a fork of encoding/json,
// always indented, as goatcounter's zhttp.JSON does. It imports no
// encoding/json: the pass must not skip it.
package forkhelper

import (
	"net/http"

	"zgo.at/json"
)

// JSON writes i as indented JSON.
func JSON(w http.ResponseWriter, i any) error { // want JSON:`zgo.at/json \(\*Encoder\).SetIndent indents\(1\) requestPath`
	enc := json.NewEncoder(w)
	enc.NullArray(false)
	enc.SetIndent("", "  ")
	return enc.Encode(i)
}
