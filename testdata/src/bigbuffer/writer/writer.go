// Package writer exercises the bigbuffer pass on cloud.google.com/go/storage
// writers.
package writer

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"cloud.google.com/go/storage"

	"bigbuffer/helper"
)

var sink []*storage.Writer

// --- positives ---

func neverSet(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\); set w.ChunkSize to fit the object`
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

func closeOnly(ctx context.Context, o *storage.ObjectHandle) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	w.ContentType = "text/plain"
	return w.Close()
}

func oneBranch(ctx context.Context, o *storage.ObjectHandle, data []byte, small bool) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\) on a path that skips w.ChunkSize; set it before the first Write`
	if small {
		w.ChunkSize = 0
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

func setAfterWrite(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // want `w.ChunkSize is set after the first Write, too late: storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	w.Write(data[:1])
	w.ChunkSize = 256 << 10
	w.Write(data[1:])
	return w.Close()
}

func inLoop(ctx context.Context, b *storage.BucketHandle, names []string, data [][]byte) {
	for i, name := range names {
		w := b.Object(name).NewWriter(ctx) // want `storage.Writer w buffers 16 MiB per loop iteration \(default ChunkSize\)`
		w.Write(data[i])
		w.Close()
	}
}

func handler(b *storage.BucketHandle) http.HandlerFunc {
	return func(rw http.ResponseWriter, r *http.Request) {
		wc := b.Object("upload").NewWriter(r.Context()) // want `storage.Writer wc buffers 16 MiB per request \(default ChunkSize\)`
		defer wc.Close()
		io.Copy(wc, r.Body)
	}
}

func fprintf(ctx context.Context, o *storage.ObjectHandle) {
	var w = o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB`
	fmt.Fprintf(w, "hello")
	w.Close()
}

func fromHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := helper.NewDefault(ctx, o) // want `storage.Writer w from NewDefault buffers 16 MiB \(default ChunkSize\)`
	w.Write(data)
	return w.Close()
}

func fromHelperChain(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := helper.NewVia(ctx, o) // want `storage.Writer w from NewVia buffers 16 MiB`
	w.Write(data)
	return w.Close()
}

func wrongParam(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB`
	other := o.NewWriter(ctx)
	helper.ConfigureSecond("x", other, w) // sets ChunkSize of its second parameter, other, not w
	other.Write(data)
	w.Write(data)
	other.Close()
	return w.Close()
}

func describedOnly(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx)  // want `storage.Writer w buffers 16 MiB`
	_ = helper.Describe(w) // no fact: Describe does not set ChunkSize
	w.Write(data)
	return w.Close()
}

// --- negatives ---

func setBeforeWrite(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // fine: ChunkSize set before io.Copy
	w.ChunkSize = 256 << 10
	io.Copy(w, r)
	return w.Close()
}

func setZero(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: 0 disables the buffer
	w.ChunkSize = 0
	w.Write(data)
	return w.Close()
}

func setBothBranches(ctx context.Context, o *storage.ObjectHandle, data []byte, small bool) error {
	w := o.NewWriter(ctx) // fine: every path sets ChunkSize
	if small {
		w.ChunkSize = 0
	} else {
		w.ChunkSize = 8 << 20
	}
	w.Write(data)
	return w.Close()
}

func returned(ctx context.Context, o *storage.ObjectHandle) *storage.Writer { // want returned:"returnsDefaultWriter"
	w := o.NewWriter(ctx) // fine: the caller owns the writer and may set ChunkSize
	return w
}

func viaHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: helper.Configure sets ChunkSize (fact)
	helper.Configure(w)
	w.Write(data)
	return w.Close()
}

func viaIndirectHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: helper.Indirect sets ChunkSize through Configure (fact)
	helper.Indirect(w)
	w.Write(data)
	return w.Close()
}

func viaSecondParam(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: ConfigureSecond sets its second parameter
	helper.ConfigureSecond("x", w, nil)
	w.Write(data)
	return w.Close()
}

func localSetter(w *storage.Writer) { w.ChunkSize = 1 << 20 } // want localSetter:"setsChunkSize\\(0\\)"

func viaLocalHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: localSetter sets ChunkSize (fact of this package)
	localSetter(w)
	w.Write(data)
	return w.Close()
}

func smallFromHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := helper.NewSmall(ctx, o) // fine: the helper sets ChunkSize
	w.Write(data)
	return w.Close()
}

func helperThenSet(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := helper.NewLabelled(ctx, o) // fine: ChunkSize set here before writing
	w.ChunkSize = 0
	w.Write(data)
	return w.Close()
}

func stored(ctx context.Context, o *storage.ObjectHandle) {
	w := o.NewWriter(ctx) // fine: stored in a global, configured elsewhere
	sink = append(sink, w)
}

func neverWritten(ctx context.Context, o *storage.ObjectHandle, skip bool) {
	w := o.NewWriter(ctx) // fine: never written nor closed, nothing allocated
	_ = w.Attrs()
}

func deferredCloseOnly(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: the deferred Close runs after the assignment
	defer w.Close()
	w.ChunkSize = 0
	_, err := w.Write(data)
	return err
}

func capturedByGoroutine(ctx context.Context, o *storage.ObjectHandle, r io.Reader) {
	w := o.NewWriter(ctx) // fine: handed to a goroutine; not followed
	go func() {
		io.Copy(w, r)
		w.Close()
	}()
}

type uploader interface{ Upload(w *storage.Writer) error }

func interfaceHandOff(ctx context.Context, o *storage.ObjectHandle, u uploader) error {
	w := o.NewWriter(ctx) // fine: the implementation may set ChunkSize
	return u.Upload(w)
}

func reassigned(ctx context.Context, o, p *storage.ObjectHandle, data []byte) error {
	w := o.NewWriter(ctx) // fine: w is reassigned, not followed
	if len(data) > 10 {
		w = p.NewWriter(ctx)
	}
	w.Write(data)
	return w.Close()
}

func ignored(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	//memlint:ignore bigbuffer objects here are all > 16 MiB
	w := o.NewWriter(ctx)
	w.Write(data)
	return w.Close()
}

func abandoned(ctx context.Context, o *storage.ObjectHandle, err error) error {
	w := o.NewWriter(ctx) // fine: CloseWithError on an unopened writer allocates nothing
	return w.CloseWithError(err)
}

func fromTupleHelper(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w, err := helper.Open(ctx, o) // want `storage.Writer w from Open buffers 16 MiB`
	if err != nil {
		return err
	}
	w.Write(data)
	return w.Close()
}

func fromTupleHelperSet(ctx context.Context, o *storage.ObjectHandle, data []byte) error {
	w, err := helper.Open(ctx, o) // fine: set before writing
	if err != nil {
		return err
	}
	w.ChunkSize = 0
	w.Write(data)
	return w.Close()
}

func declaredThenAssigned(ctx context.Context, b *storage.BucketHandle, names []string) {
	var w *storage.Writer
	for _, n := range names {
		w = b.Object(n).NewWriter(ctx) // want `storage.Writer w buffers 16 MiB per loop iteration`
		w.Write(nil)
		w.Close()
	}
}

type config struct{ chunkSize int }

func configurable(ctx context.Context, o *storage.ObjectHandle, cfg config, data []byte) error {
	w := o.NewWriter(ctx) // fine: the default is kept on purpose when no chunk size is configured
	if cfg.chunkSize > 0 {
		w.ChunkSize = cfg.chunkSize
	}
	w.Write(data)
	return w.Close()
}

func configurableLocal(ctx context.Context, o *storage.ObjectHandle, size int, data []byte) error {
	w := o.NewWriter(ctx) // fine: ChunkSize follows the size the caller gave
	if size < 16<<20 {
		w.ChunkSize = size
	}
	w.Write(data)
	return w.Close()
}

func unrelatedCondition(ctx context.Context, o *storage.ObjectHandle, small bool, size int, data []byte) error {
	w := o.NewWriter(ctx) // want `on a path that skips w.ChunkSize`
	if small {
		w.ChunkSize = size // the condition does not test size: one branch only
	}
	w.Write(data)
	return w.Close()
}

// --- writers given back by a configuring helper ---

func reconfigured(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // want `storage.Writer w buffers 16 MiB \(default ChunkSize\)`
	w = helper.SetAttrs(w, "a.txt")
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

func reconfiguredThenSet(ctx context.Context, o *storage.ObjectHandle, r io.Reader) error {
	w := o.NewWriter(ctx) // fine: ChunkSize is set after the configuring helper, before the first Write
	w = helper.SetAttrs(w, "a.txt")
	w.ChunkSize = 256 << 10
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

func stamped(ctx context.Context, o *storage.ObjectHandle) error {
	w := o.NewWriter(ctx) // fine: w is reassigned from a helper that is no configuring helper (it writes), so w may be another writer
	w = helper.StampAndReturn(w)
	return w.Close()
}
