// Package api calls the helpers of package helpers from handlers and from
// command-line code.
package api

import (
	"database/sql"
	"io"
	"net/http"
	"os"

	"jsonindent/helpers"
)

type Order struct {
	ID   int64
	Tags map[string]string
}

type Status struct{ Up bool }

// orders reads every row of a query: the values built from it hold rows.
func orders() (out []Order) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Order{})
	}
	return out
}

var store *sql.DB

// Reported where the unbounded value enters WriteJSON (its own package
// knows only that it encodes what it is given).
func viaWriteJSON(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, orders()) // want `^json.MarshalIndent of \[\]Order \(rows of a query\) via helpers.WriteJSON on a request path`
}

// Fine: a small envelope given to the same helper.
func statusViaWriteJSON(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, Status{Up: true})
}

func viaEncode(w http.ResponseWriter, r *http.Request) {
	helpers.Encode(w, orders()) // want `\(\*json.Encoder\).SetIndent of \[\]Order \(rows of a query\) via helpers.Encode on a request path holds the compact and the indented document in memory at once; remove the SetIndent call to drop the indented copy$`
}

// Fine: a bounded value through the same helper.
func statusEncode(w http.ResponseWriter, r *http.Request) {
	helpers.Encode(w, Status{Up: true})
}

// Fine: command-line output through the same helper.
func printOrders() {
	helpers.Encode(os.Stdout, orders())
}

func viaPretty(w http.ResponseWriter, r *http.Request) {
	b, _ := helpers.Pretty(orders()) // want `json.MarshalIndent of \[\]Order \(rows of a query\) via helpers.Pretty on a request path`
	w.Write(b)
}

// Fine: a file.
func saveOrders(path string) error {
	b, err := helpers.Pretty(orders())
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

func viaDumpAll(w http.ResponseWriter, r *http.Request) {
	helpers.DumpAll(w) // want `SetIndent of \[\]helpers.Record \(rows of a query\) via helpers.DumpAll on a request path`
}

// Fine: command-line output.
func dump() {
	helpers.DumpAll(os.Stdout)
}

func viaRespond(w http.ResponseWriter, r *http.Request) {
	helpers.Respond(w, orders()) // want `SetIndent of \[\]Order \(rows of a query\) via helpers.Respond on a request path`
}

// reply forwards to a helper of another package; a handler of this package
// calls it with its ResponseWriter: reported at that call.
func reply(w io.Writer, v any) { // want reply:`\(\*json.Encoder\).SetIndent indents\(1\) into\(0\)`
	helpers.Encode(w, v)
}

func viaReply(w http.ResponseWriter, r *http.Request) {
	reply(w, orders()) // want `^\(\*json.Encoder\).SetIndent of \[\]Order \(rows of a query\) via reply on a request path`
}

// Fine: JSONOK indents only on the client's ?pretty opt-in.
func viaJSONOKOptIn(w http.ResponseWriter, r *http.Request) {
	helpers.JSONOK(w, orders(), r.URL.Query().Get("pretty") == "true")
}

// Fine: JSONOK never indents when its pretty argument is false.
func viaJSONOKCompact(w http.ResponseWriter, r *http.Request) {
	helpers.JSONOK(w, orders(), false)
}

// Reported: the constant true always indents, across packages.
func viaJSONOKPretty(w http.ResponseWriter, r *http.Request) {
	helpers.JSONOK(w, orders(), true) // want `^\(\*json.Encoder\).SetIndent of \[\]Order \(rows of a query\) via helpers.JSONOK on a request path`
}

// Fine: true given for a small envelope.
func statusJSONOKPretty(w http.ResponseWriter, r *http.Request) {
	helpers.JSONOK(w, Status{Up: true}, true)
}

// Fine: the pretty argument is computed at run time.
func viaJSONOKComputed(w http.ResponseWriter, r *http.Request) {
	all := orders()
	helpers.JSONOK(w, all, len(all) < 10)
}

// emptyReply and okReply are fixed replies: package variables declared
// with a composite literal that nothing in the package changes.
var (
	emptyReply = map[string]any{}
	okReply    = &Status{Up: true}
)

// Fine: each reply is judged by its literal, which holds nothing that grows.
func emptyViaWriteJSON(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		helpers.WriteJSON(w, http.StatusOK, okReply)
		return
	}
	helpers.WriteJSON(w, http.StatusOK, emptyReply)
}

// hits is declared with a literal but filled by a handler: unbounded by
// its type, but it holds no rows of a query, so silent (memory that grows
// without a query is a documented limit). Formerly judged by its
// type, a map that grows with every path requested.
var hits = map[string]int{}

func countHits(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++
	helpers.WriteJSON(w, http.StatusOK, hits) // silent: a map of counts kept in memory holds no rows of a query (a documented limit)
}

// known is declared with a literal and cleared at run time: changed, so
// unbounded by its type, and silent for holding no rows; formerly
// judged by its type.
var known = map[string]bool{"a": true}

func reset() { clear(known) }

func listKnown(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, known) // silent: no rows of a query
}

// everything's literal holds rows, but package variables are not followed
// (rowsource): silent.
var everything = map[string]any{"orders": orders()}

func listEverything(w http.ResponseWriter, r *http.Request) {
	helpers.WriteJSON(w, http.StatusOK, everything) // silent: a package variable never holds rows here (a cache filled at start-up is not seen)
}
