package pipeline

import (
	"context"
	"errors"

	"cloud.google.com/go/storage"
)

// ErrStaleOffset says an appendable object has moved on since the caller
// last looked at it.
var ErrStaleOffset = errors.New("pipeline: appendable object offset moved")

// TakeOverLeaky resumes an unfinalized object at offset want. The takeover
// writer is open as soon as NewWriterFromAppendableObject returns (it
// holds a stream to the object and a goroutine serving it), and the
// mismatch path drops it: both stay until ctx is cancelled.
func TakeOverLeaky(ctx context.Context, obj *storage.ObjectHandle, gen, want int64) (*storage.Writer, error) {
	w, off, err := obj.Generation(gen).NewWriterFromAppendableObject(ctx, &storage.AppendableWriterOpts{ChunkSize: chunk}) // want "storage.Writer w from \\(\\*storage.ObjectHandle\\).NewWriterFromAppendableObject is not closed on every path"
	if err != nil {
		return nil, err
	}
	if off != want {
		return nil, ErrStaleOffset
	}
	return w, nil
}

// TakeOver aborts the takeover writer when the offset is not the one the
// caller expected.
func TakeOver(ctx context.Context, obj *storage.ObjectHandle, gen, want int64) (*storage.Writer, error) {
	w, off, err := obj.Generation(gen).NewWriterFromAppendableObject(ctx, &storage.AppendableWriterOpts{ChunkSize: chunk})
	if err != nil {
		return nil, err
	}
	if off != want {
		w.CloseWithError(ErrStaleOffset)
		return nil, ErrStaleOffset
	}
	return w, nil
}
