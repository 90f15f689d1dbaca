// Package transport is a stub of
// github.com/99designs/gqlgen/graphql/handler/transport v0.17.91 for
// memlint's tests: it declares only what memlint's passes inspect, with
// the upstream signatures; the Do methods read the body as upstream does.
package transport

import (
	"io"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

// POST implements the POST side of the GraphQL over HTTP spec.
type POST struct {
	ResponseHeaders                map[string][]string
	UseGrapQLResponseJsonByDefault bool
}

func (h POST) Supports(r *http.Request) bool { return false }

func (h POST) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	io.ReadAll(r.Body) // upstream: bodyBytes, err := io.ReadAll(r.Body)
}

// GET implements the GET side of the spec: the query is in the URL.
type GET struct {
	ResponseHeaders map[string][]string
}

func (h GET) Supports(r *http.Request) bool                                         { return false }
func (h GET) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {}

// MultipartForm implements the multipart request spec, bounded by its
// MaxUploadSize and MaxMemory.
type MultipartForm struct {
	MaxUploadSize int64
	MaxMemory     int64
}

func (f MultipartForm) Supports(r *http.Request) bool { return false }

func (f MultipartForm) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	r.Body = http.MaxBytesReader(w, r.Body, f.MaxUploadSize) // upstream, then ParseMultipartForm(f.maxMemory())
}
