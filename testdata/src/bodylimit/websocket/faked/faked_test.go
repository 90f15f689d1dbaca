package faked

import (
	"testing"

	"github.com/gorilla/websocket"
)

func TestHandle(t *testing.T) {
	s := &session{conn: &websocket.Conn{}} // a fake: no client's messages
	handle(s, []byte("u"))
}
