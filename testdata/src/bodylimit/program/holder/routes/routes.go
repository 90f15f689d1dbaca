// Package routes registers its handlers on the router the application // want package:`program\(reads\(routes\.create\)\)`
// keeps in the library's holder.
package routes

import (
	"encoding/json"
	"net/http"

	"example.com/appruntime"
)

// Init registers create on the kept router.
func Init() {
	mux := appruntime.Runtime.GetEngine().(*http.ServeMux)
	mux.HandleFunc("POST /items", create)
}

func create(w http.ResponseWriter, r *http.Request) { // want create:`reads\(1:json.Decoder.Decode\)`
	var v map[string]any
	json.NewDecoder(r.Body).Decode(&v)
}
