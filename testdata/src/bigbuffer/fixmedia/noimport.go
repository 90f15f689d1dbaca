package fixmedia

import (
	"bytes"

	storage "google.golang.org/api/storage/v1"
)

func insertBytes(svc *storage.Service, data []byte) error {
	_, err := svc.Objects.Insert("bucket", &storage.Object{}).Media(bytes.NewReader(data)).Do() // want `ObjectsInsertCall.Media upload buffers 16 MiB`
	return err
}
