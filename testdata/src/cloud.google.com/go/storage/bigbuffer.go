// Declarations of cloud.google.com/go/storage v1.70.0 used by the bigbuffer
// pass's tests, with the upstream signatures.

package storage

import (
	"context"
	"time"
)

// Flush syncs all bytes currently in the Writer's buffer with Cloud Storage.
func (w *Writer) Flush() (int64, error) { return 0, nil }

// Abort is unimplemented and always returns an error.
func (w *Writer) Abort() error { return nil }

// Generation returns a new ObjectHandle that operates on a specific
// generation of the object.
func (o *ObjectHandle) Generation(gen int64) *ObjectHandle { return o }

// NewWriterFromAppendableObject opens a new Writer to an object which has
// been partially flushed to GCS, with the options' ChunkSize (0 or nil
// options: googleapi.DefaultUploadChunkSize).
func (o *ObjectHandle) NewWriterFromAppendableObject(ctx context.Context, opts *AppendableWriterOpts) (*Writer, int64, error) {
	return nil, 0, nil
}

// AppendableWriterOpts provides options to set on a Writer initialized by
// NewWriterFromAppendableObject.
type AppendableWriterOpts struct {
	ChunkSize           int
	ChunkRetryDeadline  time.Duration
	ProgressFunc        func(int64)
	FinalizeOnClose     bool
	DisableAutoChecksum bool
	SendCRC32C          bool
	CRC32C              uint32
}
