package writer

import (
	"bytes"
	"context"
	"io"
	"strings"

	"cloud.google.com/go/storage"
)

// A backup job: one context for the whole run, parts of up to 1 GiB
// streamed in (VictoriaMetrics' gcsremote.UploadPart).
type backup struct {
	ctx context.Context
	bkt *storage.BucketHandle
}

var jobCtx = context.Background()

// Fine: a stream of unknown size, under a context that outlives the call
// (a field), outside any loop or handler: the 16 MiB chunk is a trade of
// memory for fewer requests on big objects, not a per-request cost, and a
// 256 KiB chunk would cost a 1 GiB part 4,096 requests.
func (b *backup) uploadPart(name string, r io.Reader) error {
	w := b.bkt.Object(name).NewWriter(b.ctx)
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// Fine: the same under context.Background() and a package variable.
func exportAll(o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(context.Background())
	io.CopyBuffer(w, r, make([]byte, 32<<10))
	return w.Close()
}

func exportJob(o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(jobCtx)
	io.CopyN(w, r, 1<<30)
	return w.Close()
}

// Bytes already in memory gain nothing from the chunk buffer: ChunkSize 0
// or their length sends them without it.
func (b *backup) writeMarker(name string, data []byte) error {
	w := b.bkt.Object(name).NewWriter(b.ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	if _, err := w.Write(data); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func (b *backup) copyMarker(name, text string) error {
	w := b.bkt.Object(name).NewWriter(b.ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	io.Copy(w, strings.NewReader(text))
	return w.Close()
}

func (b *backup) copyBuffer(name string, buf *bytes.Buffer) error {
	w := b.bkt.Object(name).NewWriter(b.ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	io.Copy(w, buf)
	return w.Close()
}

// A stream under the caller's context is made per call (a PATCH of an
// upload server): every concurrent call holds its own 16 MiB.
func writeChunk(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	io.Copy(w, r)
	return w.Close()
}

// Per loop iteration: every part allocates its 16 MiB, even streamed.
func (b *backup) uploadAll(names []string, rs []io.Reader) {
	for i, name := range names {
		w := b.bkt.Object(name).NewWriter(b.ctx) // want `storage.Writer w buffers 16 MiB per loop iteration \(default ChunkSize\)`
		io.Copy(w, rs[i])
		w.Close()
	}
}
