// Package limited sets a read limit on its connections: its reads are // want package:`wsReadLimit`
// bounded.
package limited

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func echo(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	conn.SetReadLimit(64 << 10)
	for {
		if _, _, err := conn.ReadMessage(); err != nil { // silent: SetReadLimit bounds each message
			return
		}
	}
}
