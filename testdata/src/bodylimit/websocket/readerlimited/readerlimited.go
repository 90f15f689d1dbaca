// Package readerlimited reads connections that the package it imports // want package:`program\(\)`
// limited.
package readerlimited

import (
	"net/http"

	"bodylimit/websocket/connslimited"
)

func serve(w http.ResponseWriter, r *http.Request) {
	h, err := connslimited.GetHandler(w, r)
	if err != nil {
		return
	}
	h.Connection.ReadMessage() // silent: connslimited sets a read limit (wsReadLimit)
}
