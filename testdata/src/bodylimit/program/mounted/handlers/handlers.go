// Package handlers: a router of handlers that read bodies whole, mounted // want package:"program\\(reads\\(handlers\\.addItems\\)\\)"
// on the server by main, a package the server's package does not import
// (navidrome's nativeapi).
package handlers

import (
	"encoding/json"
	"net/http"
)

// Routes returns the API's router; main mounts it.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/items", addItems)
	return mux
}

func addItems(w http.ResponseWriter, r *http.Request) { // want addItems:"reads\\(1:json.Decoder.Decode\\)"
	var ids []string
	json.NewDecoder(r.Body).Decode(&ids)
}
