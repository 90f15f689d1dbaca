// Package appendable: writers that append to an unfinalized object
// (NewWriterFromAppendableObject), whose ChunkSize comes from their options.
package appendable

import (
	"context"
	"net/http"
	"time"

	"cloud.google.com/go/storage"
)

// nil options: the default 16 MiB chunk, on every call.
func appendLine(ctx context.Context, obj *storage.ObjectHandle, gen int64, line []byte) error {
	w, _, err := obj.Generation(gen).NewWriterFromAppendableObject(ctx, nil) // want `^storage\.Writer from NewWriterFromAppendableObject buffers 16 MiB \(AppendableWriterOpts\.ChunkSize unset or 0 means the default ChunkSize\); set ChunkSize in its options to fit the appends$`
	if err != nil {
		return err
	}
	if _, err := w.Write(line); err != nil {
		return err
	}
	return w.Close()
}

// Options without a ChunkSize, in a loop: per iteration.
func tail(ctx context.Context, obj *storage.ObjectHandle, gens []int64) {
	for _, g := range gens {
		w, _, err := obj.Generation(g).NewWriterFromAppendableObject(ctx, &storage.AppendableWriterOpts{FinalizeOnClose: true}) // want `buffers 16 MiB per loop iteration`
		if err != nil {
			continue
		}
		w.Write([]byte("more data\n"))
		w.Close()
	}
}

// ChunkSize 0 is the default here too (unlike Writer.ChunkSize): reported,
// with no fix (which value was meant is not known).
func zeroChunk(w http.ResponseWriter, r *http.Request, obj *storage.ObjectHandle) {
	aw, _, err := obj.NewWriterFromAppendableObject(r.Context(), &storage.AppendableWriterOpts{ChunkSize: 0}) // want `buffers 16 MiB per request`
	if err != nil {
		return
	}
	aw.Close()
}

// Fine: a ChunkSize that fits the appends.
func sized(ctx context.Context, obj *storage.ObjectHandle) error {
	w, _, err := obj.NewWriterFromAppendableObject(ctx, &storage.AppendableWriterOpts{ChunkSize: 256 << 10, ChunkRetryDeadline: time.Minute})
	if err != nil {
		return err
	}
	return w.Close()
}

// Fine: options built elsewhere may set it.
func configured(ctx context.Context, obj *storage.ObjectHandle, opts *storage.AppendableWriterOpts) error {
	w, _, err := obj.NewWriterFromAppendableObject(ctx, opts)
	if err != nil {
		return err
	}
	return w.Close()
}

// Fine: the writer is discarded, only the offset is wanted.
func offset(ctx context.Context, obj *storage.ObjectHandle) (int64, error) {
	_, off, err := obj.NewWriterFromAppendableObject(ctx, nil)
	return off, err
}
