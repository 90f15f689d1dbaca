// Package media exercises the bigbuffer pass on google-api-go-client media
// uploads.
package media

import (
	"bytes"
	"context"
	"io"
	"net/http"

	"google.golang.org/api/googleapi"
	storage "google.golang.org/api/storage/v1"
)

// --- positives ---

func insert(ctx context.Context, svc *storage.Service, r io.Reader) error {
	_, err := svc.Objects.Insert("bucket", &storage.Object{Name: "x"}).Media(r).Do() // want `ObjectsInsertCall.Media upload buffers 16 MiB \(googleapi.DefaultUploadChunkSize\); pass googleapi.ChunkSize to fit the media`
	return err
}

func contentTypeOnly(svc *storage.Service, data []byte) error {
	call := svc.Objects.Insert("bucket", &storage.Object{Name: "x"})
	call = call.Media(bytes.NewReader(data), googleapi.ContentType("image/png")) // want `ObjectsInsertCall.Media upload buffers 16 MiB`
	_, err := call.Do()
	return err
}

func perRequest(svc *storage.Service) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		svc.Objects.Insert("bucket", &storage.Object{}).Media(r.Body).Do() // want `ObjectsInsertCall.Media upload buffers 16 MiB per request`
	}
}

func perItem(svc *storage.Service, items [][]byte) {
	for _, it := range items {
		svc.Objects.Insert("bucket", &storage.Object{}).Media(bytes.NewReader(it)).Do() // want `ObjectsInsertCall.Media upload buffers 16 MiB per loop iteration`
	}
}

// --- negatives ---

func withChunkSize(svc *storage.Service, r io.Reader) error {
	// fine: ChunkSize given
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(r, googleapi.ChunkSize(256<<10)).Do()
	return err
}

func withZeroChunkSize(svc *storage.Service, r io.Reader) error {
	// fine: ChunkSize(0) uploads in a single request without a buffer
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(r, googleapi.ContentType("a/b"), googleapi.ChunkSize(0)).Do()
	return err
}

func spread(svc *storage.Service, r io.Reader, opts ...googleapi.MediaOption) error {
	// fine: opts... may carry a ChunkSize
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(r, opts...).Do()
	return err
}

func variable(svc *storage.Service, r io.Reader, opt googleapi.MediaOption) error {
	// fine: opt may be a ChunkSize
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(r, opt).Do()
	return err
}

func resumable(ctx context.Context, svc *storage.Service, r io.ReaderAt) error {
	// fine: ResumableMedia takes no MediaOption (and is not Media)
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).ResumableMedia(ctx, r, 10, "a/b").Do()
	return err
}

// uploader has a method named Media that is not a google API's.
type uploader struct{}

func (uploader) Media(r io.Reader, options ...googleapi.MediaOption) uploader { return uploader{} }

func lookalike(r io.Reader) {
	uploader{}.Media(r) // fine: not in a google.golang.org/api package
}

func ignored(svc *storage.Service, r io.Reader) {
	svc.Objects.Insert("b", nil).Media(r).Do() //memlint:ignore bigbuffer objects are > 16 MiB, chunking wanted
}
