package a

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"time"

	"cloud.google.com/go/storage"
)

// The buffer named is the ChunkSize the code sets.
func chunk256(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriter is not closed when io\.Copy fails \(the upload is never finalized and its 256 KiB buffer stays live until the writer's context is cancelled\)$`
	w.ChunkSize = 256 << 10
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// The library rounds ChunkSize up to a multiple of 256 KiB.
func chunkRounded(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx) // want `its 512 KiB buffer stays live`
	w.ChunkSize = 300 << 10
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// ChunkSize 0 disables chunking: no buffer.
func chunkZero(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx) // want `\(the upload is never finalized and its upload request stays open until the writer's context is cancelled\)$`
	w.ChunkSize = 0
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// A size the code computes, or sets in a helper: named, not guessed.
func chunkVariable(ctx context.Context, obj *storage.ObjectHandle, r io.Reader, size int) error {
	w := obj.NewWriter(ctx) // want `\(the upload is never finalized and its ChunkSize buffer stays live until the writer's context is cancelled\)$`
	w.ChunkSize = size
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

func configure(w *storage.Writer) { w.ChunkSize = 1 << 20 }

func chunkInHelper(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx) // want `its ChunkSize buffer stays live`
	configure(w)
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// Fine: the server cancels r.Context() when the handler returns, and the
// library then aborts the upload (Google's samples return like this).
func uploadHandler(w http.ResponseWriter, r *http.Request) {
	obj := bucketObject()
	sw := obj.NewWriter(r.Context())
	if _, err := io.Copy(sw, r.Body); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := sw.Close(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Fine: the deferred cancel aborts the upload on the error path.
func uploadWithTimeout(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	ctx, cancel := context.WithTimeout(ctx, 50*time.Second)
	defer cancel()
	w := obj.NewWriter(ctx)
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// Fine: a context derived from a cancelled one, cancel in a deferred closure.
func uploadDerived(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer func() { cancel() }()
	w := obj.NewWriter(context.WithValue(ctx, ctxKey{}, 1))
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

type ctxKey struct{}

// The cancel is not deferred: nothing aborts the writer when io.Copy fails.
func uploadCancelNotDeferred(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	w := obj.NewWriter(ctx) // want `is not closed when io\.Copy fails`
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	cancel()
	return w.Close()
}

// Fine: after a failed Write the upload has already ended.
func uploadWriteFails(ctx context.Context, obj *storage.ObjectHandle, data []byte) error {
	w := obj.NewWriter(ctx)
	w.ChunkSize = 0
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

// Fine: a bytes.Reader's WriteTo fails only when the writer's Write
// does, and after a failed Write the upload has already ended.
func uploadBytesWriteTo(ctx context.Context, obj *storage.ObjectHandle, data []byte) error {
	w := obj.NewWriter(ctx)
	w.ChunkSize = 0
	if _, err := bytes.NewReader(data).WriteTo(w); err != nil {
		return err
	}
	return w.Close()
}

// Fine: io.Copy from a strings.Reader uses its WriteTo, the same.
func uploadStringCopy(ctx context.Context, obj *storage.ObjectHandle, doc string) error {
	w := obj.NewWriter(ctx)
	w.ChunkSize = 0
	if _, err := io.Copy(w, strings.NewReader(doc)); err != nil {
		return err
	}
	return w.Close()
}

// A reader that can fail on its own: the copy's error does not mean the
// upload ended.
func uploadReaderCopy(ctx context.Context, obj *storage.ObjectHandle, r *strings.Reader, src io.Reader) error {
	w := obj.NewWriter(ctx) // want `is not closed when io\.Copy fails`
	w.ChunkSize = 0
	if _, err := io.Copy(w, io.MultiReader(r, src)); err != nil {
		return err
	}
	return w.Close()
}

// A helper's context is its caller's: not known to be cancelled.
func helperWithRequestContext(r *http.Request, obj *storage.ObjectHandle) error {
	w := obj.NewWriter(r.Context()) // want `is not closed when io\.Copy fails`
	if _, err := io.Copy(w, r.Body); err != nil {
		return err
	}
	return w.Close()
}

func bucketObject() *storage.ObjectHandle { return nil }

// Fine: the transport closes a reader's response body when its context
// is cancelled, and the deferred cancel does that on the error path (the
// storage samples' download_using_requester_pays).
func downloadWithTimeout(obj *storage.ObjectHandle, w io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	rc, err := obj.NewReader(ctx)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		return err
	}
	return rc.Close()
}

// Fine too for a range reader under the handler's request context.
func serveRange(w http.ResponseWriter, r *http.Request) {
	rc, err := bucketObject().NewRangeReader(r.Context(), 0, 1024)
	if err != nil {
		return
	}
	if _, err := io.Copy(w, rc); err != nil {
		return
	}
	rc.Close()
}

// A reader under its caller's context: not known to be cancelled.
func downloadCallerContext(ctx context.Context, obj *storage.ObjectHandle, w io.Writer) error {
	rc, err := obj.NewReader(ctx) // want `^storage\.Reader rc from \(\*storage\.ObjectHandle\)\.NewReader is not closed when io\.Copy fails`
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, rc); err != nil {
		return err
	}
	return rc.Close()
}

type appError struct{ err error }

// Fine: a func(w, r) *appError behind an adapter serves the request too,
// and the server cancels r.Context() when the request ends.
func createHandler(w http.ResponseWriter, r *http.Request) *appError {
	sw := bucketObject().NewWriter(r.Context())
	if _, err := io.Copy(sw, r.Body); err != nil {
		return &appError{err}
	}
	if err := sw.Close(); err != nil {
		return &appError{err}
	}
	return nil
}

// Fine: the helper's context parameter is the request's context at its
// only call (the bookshelf sample's uploadFileFromForm).
func (h *uploads) uploadFromForm(ctx context.Context, r *http.Request) error {
	w := bucketObject().NewWriter(ctx)
	if _, err := io.Copy(w, r.Body); err != nil {
		return err
	}
	return w.Close()
}

type uploads struct{}

func (h *uploads) create(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := h.uploadFromForm(ctx, r); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// A helper one of whose callers gives it a context nobody cancels.
func uploadSomewhere(ctx context.Context, src io.Reader) error {
	w := bucketObject().NewWriter(ctx) // want `is not closed when io\.Copy fails`
	if _, err := io.Copy(w, src); err != nil {
		return err
	}
	return w.Close()
}

func uploadFromHandler(w http.ResponseWriter, r *http.Request) { uploadSomewhere(r.Context(), r.Body) }

func uploadFromJob(src io.Reader) { uploadSomewhere(context.Background(), src) }

// A helper used as a value: its callers are not all known.
func uploadVia(ctx context.Context, src io.Reader) error {
	w := bucketObject().NewWriter(ctx) // want `is not closed when io\.Copy fails`
	if _, err := io.Copy(w, src); err != nil {
		return err
	}
	return w.Close()
}

func uploadViaHandler(w http.ResponseWriter, r *http.Request) { uploadVia(r.Context(), r.Body) }

var uploader = uploadVia

// Fine: r is the server's request at the helper's only call (the
// bookshelf sample's bookFromForm(r), whose ctx := r.Context() goes on
// to the uploader).
func (h *uploads) fromForm(r *http.Request) error {
	ctx := r.Context()
	return h.uploadFromForm2(ctx, r)
}

func (h *uploads) uploadFromForm2(ctx context.Context, r *http.Request) error {
	w := bucketObject().NewWriter(ctx)
	if _, err := io.Copy(w, r.Body); err != nil {
		return err
	}
	return w.Close()
}

func (h *uploads) edit(w http.ResponseWriter, r *http.Request) *appError {
	if err := h.fromForm(r); err != nil {
		return &appError{err}
	}
	return nil
}
