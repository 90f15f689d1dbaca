package clients

import (
	"context"
	"io"
	"log"
	"net/http"

	"cloud.google.com/go/storage"
)

// mirror copies an upload to a second bucket when the request asks for
// it, with a client of its own: called by MirroredUpload on every such
// request, so the client is built per request although no handler builds
// it.
func mirror(ctx context.Context, name string, body io.Reader, enabled bool) {
	if !enabled {
		return
	}
	client, err := storage.NewClient(ctx)
	if err != nil {
		log.Printf("mirror %s: %v", name, err)
		return
	}
	defer client.Close()
	w := client.Bucket("mirror").Object(name).NewWriter(ctx)
	w.ChunkSize = 0
	if _, err := io.Copy(w, body); err != nil {
		w.CloseWithError(err)
		log.Printf("mirror %s: %v", name, err)
		return
	}
	if err := w.Close(); err != nil {
		log.Printf("mirror %s: %v", name, err)
	}
}

// MirroredUpload reaches mirror on every request.
func MirroredUpload(w http.ResponseWriter, r *http.Request) {
	mirror(r.Context(), r.URL.Path, r.Body, r.URL.Query().Get("mirror") == "1")
}
