// Package chunksize is analysed with -chunk-size=1MiB (TestChunkSizeFlag).
package chunksize

import (
	"context"

	"cloud.google.com/go/storage"
	"google.golang.org/api/googleapi"
	gstorage "google.golang.org/api/storage/v1"
)

func upload(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB`
	w.Write(data)
	return w.Close()
}

func insert(svc *gstorage.Service, data []byte) {
	svc.Objects.Insert("b", nil).Media(nil, googleapi.ContentType("a/b")) // want `ObjectsInsertCall.Media upload buffers 16 MiB`
}
