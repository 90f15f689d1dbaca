// Command notesd serves the notes API. Nothing in it or in the packages
// of this module it imports bounds a request body, so bodylimit's program
// rule reports the server: wrap its handler in http.MaxBytesHandler.
package main

import (
	"log"
	"net/http"
	"time"

	"github.com/memlint/memlint/examples/service/notes"
)

func main() {
	api := notes.New()
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           api.Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
