// Package libs exercises github.com/goccy/go-json and
// github.com/json-iterator/go.
package libs

import (
	"database/sql"
	"net/http"

	gojson "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
)

type Event struct {
	Name string
	Tags []string
}

type Ping struct{ OK bool }

// events reads every row of a query: the values built from it hold rows.
func events() (out []Event) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Event{})
	}
	return out
}

var store *sql.DB

var json = jsoniter.ConfigCompatibleWithStandardLibrary

func goccyIndent(w http.ResponseWriter, r *http.Request) {
	b, _ := gojson.MarshalIndent(events(), "", "  ") // want `^goccy/go-json MarshalIndent of \[\]Event \(rows of a query\) on a request path builds the whole document in memory with its indentation whitespace; use Marshal to save the whitespace$`
	w.Write(b)
}

func goccyOption(w http.ResponseWriter, r *http.Request) {
	b, _ := gojson.MarshalIndentWithOption(events(), "", "  ", nil) // want `^goccy/go-json MarshalIndentWithOption of \[\]Event \(rows of a query\)`
	w.Write(b)
}

func goccyEncoder(w http.ResponseWriter, r *http.Request) {
	enc := gojson.NewEncoder(w)
	enc.SetIndent("", "  ") // want `^goccy/go-json \(\*Encoder\).SetIndent then Encode of \[\]Event \(rows of a query\) on a request path builds the whole document in memory with its indentation whitespace; drop the SetIndent call to save the whitespace$`
	enc.EncodeContext(r.Context(), events())
}

// Fine: goccy's Marshal.
func goccyCompact(w http.ResponseWriter, r *http.Request) {
	b, _ := gojson.Marshal(events())
	w.Write(b)
}

func iterIndent(w http.ResponseWriter, r *http.Request) {
	b, _ := jsoniter.MarshalIndent(events(), "", "  ") // want `^jsoniter.MarshalIndent of \[\]Event \(rows of a query\) on a request path builds the whole document in memory with its indentation whitespace; use Marshal to save the whitespace$`
	w.Write(b)
}

func iterAPI(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(events(), "", "  ") // want `jsoniter.API.MarshalIndent of \[\]Event \(rows of a query\)`
	w.Write(b)
}

func iterEncoder(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // want `\(\*jsoniter.Encoder\).SetIndent then Encode of \[\]Event \(rows of a query\)`
	enc.Encode(events())
}

// Fine: a bounded value.
func iterPing(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(Ping{OK: true}, "", "  ")
	w.Write(b)
}
