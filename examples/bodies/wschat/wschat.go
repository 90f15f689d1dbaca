// Package wschat is a chat room over gorilla/websocket that never gives
// its connections a read limit: one client's message of any size is held
// whole by ReadMessage.
package wschat

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

type client struct {
	conn *websocket.Conn
	send chan []byte
}

// Serve upgrades the request and reads the client's messages.
func Serve(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &client{conn: conn, send: make(chan []byte, 16)}
	go c.writePump()
	c.readPump()
}

func (c *client) readPump() {
	defer c.conn.Close()
	defer close(c.send)
	for {
		_, msg, err := c.conn.ReadMessage() // LEAK
		if err != nil {
			return
		}
		c.send <- msg
	}
}

func (c *client) writePump() {
	for msg := range c.send {
		if err := c.conn.WriteMessage(websocket.TextMessage, msg); err != nil {
			return
		}
	}
}
