package fixmedia

import storage "google.golang.org/api/storage/v1"

func insertSingle(svc *storage.Service, call *storage.ObjectsInsertCall) {
	call.Media(nil) // want `ObjectsInsertCall.Media upload buffers 16 MiB`
}
