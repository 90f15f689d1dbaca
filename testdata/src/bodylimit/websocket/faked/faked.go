// Package faked keeps its upgraded connections in a session's unexported
// field, which its tests fill with fake connections (Focalboard's
// websocketSession{conn: &websocket.Conn{}}): what tests assign does not
// run in the server, so the reads are judged as the package's own code
// assigns the field.
package faked

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

type session struct {
	conn   *websocket.Conn // want conn:"upgraded"
	userID string
}

func serve(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s := &session{conn: c}
	defer s.conn.Close()
	for {
		_, p, err := s.conn.ReadMessage() // want `websocket.Conn.ReadMessage holds a whole websocket message in memory`
		if err != nil {
			return
		}
		handle(s, p)
	}
}

func handle(s *session, p []byte) { s.userID = string(p) }
