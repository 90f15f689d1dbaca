// Package helper configures storage writers for other packages: the facts
// it exports let the bigbuffer pass see through it.
package helper

import (
	"context"

	"cloud.google.com/go/storage"
)

// Configure sets ChunkSize on its writer.
func Configure(w *storage.Writer) { // want Configure:"setsChunkSize\\(0\\)"
	w.ChunkSize = 512 << 10
}

// ConfigureSecond sets ChunkSize on its second parameter only.
func ConfigureSecond(name string, w *storage.Writer, other *storage.Writer) { // want ConfigureSecond:"setsChunkSize\\(1\\)"
	w.ContentType = name
	w.ChunkSize = 0
}

// Indirect sets ChunkSize through Configure.
func Indirect(w *storage.Writer) { // want Indirect:"setsChunkSize\\(0\\)"
	Configure(w)
}

// Describe only reads the writer: no fact.
func Describe(w *storage.Writer) string {
	return w.Name
}

// NewDefault returns a writer with the 16 MiB default: callers own it.
func NewDefault(ctx context.Context, o *storage.ObjectHandle) *storage.Writer { // want NewDefault:"returnsDefaultWriter"
	return o.NewWriter(ctx)
}

// NewLabelled returns a writer after setting other attributes only.
func NewLabelled(ctx context.Context, o *storage.ObjectHandle) *storage.Writer { // want NewLabelled:"returnsDefaultWriter"
	w := o.NewWriter(ctx)
	w.ContentType = "image/jpeg"
	return w
}

// NewSmall returns a writer whose ChunkSize is set: no fact.
func NewSmall(ctx context.Context, o *storage.ObjectHandle) *storage.Writer {
	w := o.NewWriter(ctx)
	w.ChunkSize = 256 << 10
	return w
}

// NewVia returns a default writer from another helper.
func NewVia(ctx context.Context, o *storage.ObjectHandle) *storage.Writer { // want NewVia:"returnsDefaultWriter"
	return NewDefault(ctx, o)
}

// Open returns a default writer and an error.
func Open(ctx context.Context, o *storage.ObjectHandle) (*storage.Writer, error) { // want Open:"returnsDefaultWriter"
	if o == nil {
		return nil, nil
	}
	w := o.NewWriter(ctx)
	return w, nil
}

// SetAttrs only configures its writer and hands it back (gcsfuse's
// storageutil.SetAttrsInWriter): callers keep judging the same writer.
func SetAttrs(w *storage.Writer, name string) *storage.Writer { // want SetAttrs:"configures\\(0\\)"
	w.Name = name
	w.ContentType, w.SendCRC32C = "text/plain", true
	return w
}

// StampAndReturn writes to its writer before handing it back: no fact.
func StampAndReturn(w *storage.Writer) *storage.Writer {
	w.Write([]byte("header"))
	return w
}

// Other hands back a writer that is not always its parameter: no fact.
func Other(w, spare *storage.Writer, useSpare bool) *storage.Writer {
	if useSpare {
		return spare
	}
	return w
}
