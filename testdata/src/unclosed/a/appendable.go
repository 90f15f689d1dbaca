package a

import (
	"context"
	"errors"

	"cloud.google.com/go/storage"
)

var errStale = errors.New("stale object view")

// The takeover writer is open when NewWriterFromAppendableObject returns:
// dropping it on the offset-mismatch path leaks its stream (gcsfuse's
// CreateAppendableObjectWriter).
func takeover(ctx context.Context, obj *storage.ObjectHandle, want int64) (*storage.Writer, error) {
	w, off, err := obj.NewWriterFromAppendableObject(ctx, &storage.AppendableWriterOpts{ChunkSize: 256 << 10}) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriterFromAppendableObject is not closed on every path \(its open upload stream, the goroutine serving it and its chunk buffer stay live until the writer's context is cancelled\)$`
	if err != nil {
		return nil, err
	}
	if off != want {
		return nil, errStale
	}
	return w, nil
}

// Fine: closed with an error on the mismatch path.
func takeoverAborted(ctx context.Context, obj *storage.ObjectHandle, want int64) (*storage.Writer, error) {
	w, off, err := obj.NewWriterFromAppendableObject(ctx, nil)
	if err != nil {
		return nil, err
	}
	if off != want {
		w.CloseWithError(errStale)
		return nil, errStale
	}
	return w, nil
}

// Fine: the writer dropped on the mismatch path is aborted by the
// context, cancelled when the function returns.
func takeoverCancelled(ctx context.Context, obj *storage.ObjectHandle, want int64, line []byte) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, off, err := obj.NewWriterFromAppendableObject(ctx, nil)
	if err != nil {
		return err
	}
	if off != want {
		return errStale
	}
	if _, err := w.Write(line); err != nil {
		return err
	}
	return w.Close()
}

// Fine: a failed Write has already ended the upload.
func appendLine(ctx context.Context, obj *storage.ObjectHandle, line []byte) error {
	w, _, err := obj.NewWriterFromAppendableObject(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := w.Write(line); err != nil {
		return err
	}
	return w.Close()
}

// Only the offset is wanted, but the writer it opened is dropped.
func offsetOnly(ctx context.Context, obj *storage.ObjectHandle) (int64, error) {
	_, off, err := obj.NewWriterFromAppendableObject(ctx, nil) // want `^storage\.Writer from \(\*storage\.ObjectHandle\)\.NewWriterFromAppendableObject is discarded without being closed`
	return off, err
}
