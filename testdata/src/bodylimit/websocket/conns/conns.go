// Package conns upgrades connections and hands them out in an exported
// field (wings' websocket.Handler.Connection), read by another package.
package conns

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

// Handler holds one client's connection.
type Handler struct {
	Connection *websocket.Conn // want Connection:`upgraded`
}

// GetHandler upgrades the request.
func GetHandler(w http.ResponseWriter, r *http.Request) (*Handler, error) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return nil, err
	}
	return &Handler{Connection: conn}, nil
}

// Upgrade returns the upgraded connection itself.
func Upgrade(w http.ResponseWriter, r *http.Request) (*websocket.Conn, error) { // want Upgrade:`upgraded`
	return upgrader.Upgrade(w, r, nil)
}
