// Package reader reads connections another package of the module // want package:`program\(\)`
// upgraded; it imports no websocket package for the field's reads.
package reader

import (
	"net/http"

	"bodylimit/websocket/conns"
)

func serve(w http.ResponseWriter, r *http.Request) {
	h, err := conns.GetHandler(w, r)
	if err != nil {
		return
	}
	for {
		if _, _, err := h.Connection.ReadMessage(); err != nil { // want `websocket.Conn.ReadMessage holds a whole websocket message in memory`
			return
		}
	}
}

func direct(w http.ResponseWriter, r *http.Request) {
	conn, err := conns.Upgrade(w, r)
	if err != nil {
		return
	}
	var v map[string]any
	conn.ReadJSON(&v) // want `websocket.Conn.ReadJSON holds a whole websocket message in memory`
}
