// Package fixwriter tests the suggested fix that sets ChunkSize after
// NewWriter.
package fixwriter

import (
	"context"
	"io"

	"cloud.google.com/go/storage"
)

func upload(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\); set w.ChunkSize to fit the object`
	w.ContentType = "image/jpeg"
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func uploadVar(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	var wc = o.NewWriter(ctx) // want `storage.Writer wc buffers 16 MiB`
	wc.Write(data)
	return wc.Close()
}

func uploadAll(ctx context.Context, b *storage.BucketHandle, objs map[string][]byte) {
	for name, data := range objs {
		switch {
		case len(data) > 0:
			w := b.Object(name).NewWriter(ctx) // want `storage.Writer w buffers 16 MiB per loop iteration`
			w.Write(data)
			w.Close()
		}
	}
}

func lateSet(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	// No fix: the existing assignment must move, not be duplicated.
	w := o.NewWriter(ctx) // want `too late`
	w.Write(data)
	w.ChunkSize = 0
	return w.Close()
}

func newWriter(ctx context.Context, o *storage.ObjectHandle) (*storage.Writer, error) { // want newWriter:"returnsDefaultWriter"
	if o == nil {
		return nil, io.EOF
	}
	return o.NewWriter(ctx), nil
}

func fromHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	// No fix: w is nil when err is not, so the assignment must follow the check.
	w, err := newWriter(ctx, o) // want `storage.Writer w from newWriter buffers 16 MiB`
	if err != nil {
		return err
	}
	w.Write(data)
	return w.Close()
}
