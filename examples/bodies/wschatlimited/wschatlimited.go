// Package wschatlimited is wschat with a read limit set right after the
// upgrade: a message over 64 KiB closes the connection instead of
// growing the heap.
package wschatlimited

import (
	"net/http"

	"github.com/gorilla/websocket"
)

// maxMessage bounds each message a client sends.
const maxMessage = 64 << 10

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// Serve upgrades the request and echoes the client's messages.
func Serve(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	conn.SetReadLimit(maxMessage)
	for {
		var msg struct{ Text string }
		if err := conn.ReadJSON(&msg); err != nil {
			return
		}
		if err := conn.WriteJSON(msg); err != nil {
			return
		}
	}
}
