// Package fixmedia tests the suggested fix that appends googleapi.ChunkSize
// to Media's options.
package fixmedia

import (
	"io"

	gapi "google.golang.org/api/googleapi"
	storage "google.golang.org/api/storage/v1"
)

func insert(svc *storage.Service, r io.Reader) error {
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(r, gapi.ContentType("image/png")).Do() // want `ObjectsInsertCall.Media upload buffers 16 MiB`
	return err
}

func multiline(svc *storage.Service, r io.Reader) error {
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media( // want `ObjectsInsertCall.Media upload buffers 16 MiB`
		r,
	).Do()
	return err
}
