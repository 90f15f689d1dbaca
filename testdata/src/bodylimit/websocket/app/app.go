// Package app reads the messages of connections it upgrades itself.
package app

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

func echo(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	for {
		mt, msg, err := conn.ReadMessage() // want `websocket.Conn.ReadMessage holds a whole websocket message in memory, and nothing in this package or the module's packages it imports calls SetReadLimit \(gorilla/websocket has no default limit\): a client of this upgraded connection decides how much memory one message takes; call SetReadLimit on the connection after Upgrade \(for example 1 MiB\)`
		if err != nil {
			return
		}
		conn.WriteMessage(mt, msg)
	}
}

type event struct{ Kind string }

func events(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Upgrade(w, r, nil, 1024, 1024)
	if err != nil {
		return
	}
	var e event
	conn.ReadJSON(&e)            // want `websocket.Conn.ReadJSON holds a whole websocket message in memory`
	websocket.ReadJSON(conn, &e) // want `websocket.ReadJSON holds a whole websocket message in memory`
}

// client keeps its upgraded connection in an unexported field that only
// connections from Upgrade are assigned to.
type client struct {
	conn *websocket.Conn // want conn:`upgraded`
	send chan []byte
}

func serve(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &client{conn: conn, send: make(chan []byte, 16)}
	go c.readPump()
}

func (c *client) readPump() {
	for {
		_, msg, err := c.conn.ReadMessage() // want `websocket.Conn.ReadMessage holds a whole websocket message in memory`
		if err != nil {
			return
		}
		c.send <- msg
	}
}

// Fine: a connection this process dialled reads a server it chose, not a
// client of its own.
func dial() {
	conn, _, err := websocket.DefaultDialer.Dial("ws://example.com/feed", nil)
	if err != nil {
		return
	}
	conn.ReadMessage()
}

// Fine: a parameter's connection may have been limited by the caller,
// which the rule does not follow.
func readLoop(conn *websocket.Conn) {
	conn.ReadMessage()
}

// peer's connection field is also given a dialled connection: not only
// upgraded ones, so silent.
type peer struct{ conn *websocket.Conn }

func (p *peer) connect() {
	conn, _, _ := websocket.DefaultDialer.Dial("ws://example.com/peer", nil)
	p.conn = conn
}

func accept(w http.ResponseWriter, r *http.Request) *peer {
	conn, _ := upgrader.Upgrade(w, r, nil)
	return &peer{conn: conn}
}

func (p *peer) read() {
	p.conn.ReadMessage() // silent: p.conn may be a dialled connection
}

// room is generic: its field, assigned only upgraded connections, is
// judged like any other.
type room[T any] struct {
	conn  *websocket.Conn // want conn:`upgraded`
	state T
}

func join(w http.ResponseWriter, r *http.Request) {
	conn, _ := upgrader.Upgrade(w, r, nil)
	rm := &room[int]{conn: conn}
	go rm.read()
}

func (rm *room[T]) read() {
	rm.conn.ReadMessage() // want `websocket.Conn.ReadMessage holds a whole websocket message in memory`
}

// A method value of ReadMessage is not followed: silent (a documented
// miss).
func methodValue(w http.ResponseWriter, r *http.Request) {
	conn, _ := upgrader.Upgrade(w, r, nil)
	read := conn.ReadMessage
	read()
}
