// Package std exercises encoding/json's indenting encoders in net/http
// handlers.
package std

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Order struct {
	ID    int64
	Items []string
}

type Health struct {
	Status  string
	Version string
	Started time.Time // marshals as text: bounded
	secret  []byte    // unexported: not encoded
	Debug   []string  `json:"-"`
}

// allOrders reads every row of a query: the values built from it hold rows.
func allOrders() (out []Order) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Order{})
	}
	return out
}

var store *sql.DB

func listOrders(w http.ResponseWriter, r *http.Request) {
	orders := allOrders()
	b, err := json.MarshalIndent(orders, "", "  ") // want `json.MarshalIndent of \[\]Order \(rows of a query\) on a request path holds the compact and the indented document in memory at once; use json.Marshal or json.NewEncoder\(w\).Encode to drop the indented copy$`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(b)
}

// Fine: json.Marshal is the cure.
func listOrdersCompact(w http.ResponseWriter, r *http.Request) {
	b, _ := json.Marshal(allOrders())
	w.Write(b)
}

// Fine: an unindented Encoder.
func listOrdersStream(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(allOrders())
}

// Fine: a struct of scalars (time.Time marshals as text, unexported and
// "-" fields are not encoded).
func health(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(Health{Status: "ok"}, "", "  ")
	w.Write(b)
}

// Fine: an empty indent does not indent.
func emptyIndent(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(allOrders(), "", "")
	w.Write(b)
}

func order(w http.ResponseWriter, r *http.Request) {
	o := &Order{ID: 1, Items: r.URL.Query()["item"]}
	b, _ := json.MarshalIndent(o, "", "\t") // silent: built from the request, no rows of a query
	fmt.Fprintf(w, "%s", b)
}

func withEncoder(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // want `\(\*json.Encoder\).SetIndent then Encode of \[\]Order \(rows of a query\) on a request path holds the compact and the indented document in memory at once; remove the SetIndent call to drop the indented copy$`
	enc.Encode(allOrders())
}

// Fine: SetIndent("", "") turns indentation off.
func encoderOff(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "")
	enc.Encode(allOrders())
}

// Fine: the indented encoder only ever encodes a bounded value.
func encoderBounded(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(Health{})
}

func indentBody(w http.ResponseWriter, r *http.Request, body []byte) { // want indentBody:`json.Indent indents\(2\) requestPath`
	var buf bytes.Buffer
	json.Indent(&buf, body, "", "  ") // silent: the body bytes are no rows of a query
	buf.WriteTo(w)
}

// A map grown in a rows loop is unbounded.
func rowsMap(w http.ResponseWriter, r *http.Request, rows *sql.Rows) {
	out := map[string]any{}
	for rows.Next() {
		var k, v string
		rows.Scan(&k, &v)
		out[k] = v
	}
	b, _ := json.MarshalIndent(out, "", "  ") // want `json.MarshalIndent of map\[string\]any \(rows of a query\)`
	w.Write(b)
}

// Fine: a map literal of fixed scalar entries, never grown.
func statusMap(w http.ResponseWriter, r *http.Request) {
	out := map[string]any{"status": "ok", "uptime": 3}
	b, _ := json.MarshalIndent(out, "", "  ")
	w.Write(b)
}

// A literal holding an unbounded value is unbounded.
func wrapped(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(map[string]any{"orders": allOrders()}, "", "  ") // want `json.MarshalIndent of map\[string\]any \(rows of a query\)`
	w.Write(b)
}

// Not a handler, but the indented bytes are written to a ResponseWriter.
type server struct{ w http.ResponseWriter }

func (s *server) flush() {
	b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order`
	s.w.Write(b)
}

// Inside a closure of a handler factory.
func handlerFactory() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order`
		w.Write(b)
	}
}

// A goroutine started by a handler is still on its request path.
func async(w http.ResponseWriter, r *http.Request) {
	done := make(chan []byte)
	go func() {
		b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order`
		done <- b
	}()
	w.Write(<-done)
}

// Fine: a suppressed finding.
func ignored(w http.ResponseWriter, r *http.Request) {
	//memlint:ignore jsonindent admin-only endpoint, at most 50 rows
	b, _ := json.MarshalIndent(allOrders(), "", "  ")
	w.Write(b)
}

// json.Indent of json.Marshal's output is judged by the marshalled value.
func marshalThenIndent(w http.ResponseWriter, r *http.Request) {
	compact, err := json.Marshal(allOrders())
	if err != nil {
		return
	}
	var pretty bytes.Buffer
	json.Indent(&pretty, compact, "", "  ") // want `json.Indent of \[\]Order \(rows of a query\)`
	w.Write(pretty.Bytes())
}

// Fine: the marshalled value is bounded.
func marshalThenIndentHealth(w http.ResponseWriter, r *http.Request) {
	compact, _ := json.Marshal(Health{Status: "ok"})
	var pretty bytes.Buffer
	json.Indent(&pretty, compact, "", "  ")
	pretty.WriteTo(w)
}

// Fine: a constant document.
func indentConstant(w http.ResponseWriter, r *http.Request) {
	var pretty bytes.Buffer
	json.Indent(&pretty, []byte(`{"ok":true}`), "", "  ")
	pretty.WriteTo(w)
}

// The helper shape seen in the wild: Marshal, then Indent, then Write.
func writeJSONIndented(w http.ResponseWriter, data interface{}) error { // want writeJSONIndented:`json.Indent indents\(1\) requestPath`
	dataJSON, err := json.Marshal(data)
	if err != nil {
		return err
	}
	var prettyJSON bytes.Buffer
	if err := json.Indent(&prettyJSON, dataJSON, "", "  "); err != nil { // fine here: reported at callers that pass unbounded values
		return err
	}
	_, err = w.Write(prettyJSON.Bytes())
	return err
}
