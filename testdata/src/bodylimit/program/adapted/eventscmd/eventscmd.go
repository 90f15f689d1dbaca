// Command eventscmd serves the events handlers. // want package:"program\\(covered\\(2\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/adapted/events"
)

func main() {
	mux := http.NewServeMux()
	mux.Handle("POST /events", events.Ingest())
	mux.HandleFunc("PUT /events/{id}", func(w http.ResponseWriter, r *http.Request) {
		events.Update().With(r.PathValue("id")).ServeHTTP(w, r)
	})
	http.ListenAndServe(":8080", mux) // want `^2 functions read request bodies whole, first a func literal in events\.Ingest \(json\.Decoder\.Decode\)`
}
