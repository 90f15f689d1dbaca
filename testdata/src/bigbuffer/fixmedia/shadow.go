package fixmedia

import (
	"io"

	storage "google.golang.org/api/storage/v1"
)

func shadowed(svc *storage.Service, r io.Reader) {
	googleapi := "not the package"
	_ = googleapi
	svc.Objects.Insert("b", nil).Media(r) // want `ObjectsInsertCall.Media upload buffers 16 MiB`
}
