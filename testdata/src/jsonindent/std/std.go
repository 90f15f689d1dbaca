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

func allOrders() []Order { return nil }

func listOrders(w http.ResponseWriter, r *http.Request) {
	orders := allOrders()
	b, err := json.MarshalIndent(orders, "", "  ") // want `json.MarshalIndent of \[\]Order \(unbounded\) on a request path holds the compact and the indented document in memory at once; stream it with json.NewEncoder\(w\).Encode`
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
	o := &Order{ID: 1}
	b, _ := json.MarshalIndent(o, "", "\t") // want `json.MarshalIndent of \*Order \(unbounded\)`
	fmt.Fprintf(w, "%s", b)
}

func withEncoder(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // want `\(\*json.Encoder\).SetIndent then Encode of \[\]Order \(unbounded\) on a request path holds the compact and the indented document in memory at once; drop the SetIndent call`
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

func indentBody(w http.ResponseWriter, r *http.Request, body []byte) {
	var buf bytes.Buffer
	json.Indent(&buf, body, "", "  ") // want `json.Indent of \[\]byte \(unbounded\) on a request path holds the compact and the indented document in memory at once; write the compact bytes instead`
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
	b, _ := json.MarshalIndent(out, "", "  ") // want `json.MarshalIndent of map\[string\]any \(unbounded\)`
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
	b, _ := json.MarshalIndent(map[string]any{"orders": allOrders()}, "", "  ") // want `json.MarshalIndent of map\[string\]any \(unbounded\)`
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
