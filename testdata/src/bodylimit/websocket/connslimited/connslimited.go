// Package connslimited upgrades connections and limits them before // want package:`wsReadLimit`
// handing them out.
package connslimited

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

// Handler holds one client's connection.
type Handler struct {
	Connection *websocket.Conn // want Connection:`upgraded`
}

// GetHandler upgrades the request and limits its messages.
func GetHandler(w http.ResponseWriter, r *http.Request) (*Handler, error) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return nil, err
	}
	conn.SetReadLimit(1 << 20)
	return &Handler{Connection: conn}, nil
}
