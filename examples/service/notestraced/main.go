// Command notestraced serves the notes API through package serve's traced
// server. The tracing wrapper bounds nothing, so bodylimit's program rule
// reports the call that serves the API: bound bodies with
// http.MaxBytesHandler before handing the handler over.
package main

import (
	"context"
	"log"

	"github.com/memlint/memlint/examples/service/notes"
	"github.com/memlint/memlint/examples/service/serve"
)

func main() {
	srv := &serve.Server{Addr: ":8080"}
	log.Fatal(srv.ServeHTTPHandler(context.Background(), notes.New().Routes()))
}
