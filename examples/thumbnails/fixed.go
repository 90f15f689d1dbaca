package thumbnails

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sync"

	"cloud.google.com/go/storage"
	"google.golang.org/api/googleapi"
	gcs "google.golang.org/api/storage/v1"
)

// thumbChunk is the ChunkSize for thumbnails: they are far below 256 KiB,
// so each upload is a single request with one small buffer.
const thumbChunk = 256 << 10

// readers recycles request-body readers across requests.
var readers = sync.Pool{
	New: func() any { return bufio.NewReaderSize(nil, 1<<20) },
}

// originals recycles the buffers originals are read into.
var originals = sync.Pool{
	New: func() any { return bytes.NewBuffer(make([]byte, 0, 8<<20)) },
}

// Uploader is the service after the fix.
type Uploader struct {
	Bucket *storage.BucketHandle
	API    *gcs.Service
	Name   string
}

// newWriter returns a writer sized for thumbnails.
func (u *Uploader) newWriter(ctx context.Context, name string) *storage.Writer {
	wc := u.Bucket.Object("thumbs/" + name).NewWriter(ctx)
	wc.ChunkSize = thumbChunk
	wc.ContentType = "image/jpeg"
	return wc
}

// ServeHTTP stores the thumbnail of the uploaded image.
func (u *Uploader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r.Body)
	defer readers.Put(br)
	name := r.URL.Query().Get("name")

	wc := u.newWriter(r.Context(), name)
	if err := encode(wc, br); err != nil {
		wc.Close()
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := wc.Close(); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	fmt.Fprintf(w, "stored thumbs/%s\n", name)
}

// UploadRaw stores an already-scaled thumbnail without buffering it.
func (u *Uploader) UploadRaw(ctx context.Context, name string, data []byte) error {
	wc := u.Bucket.Object("thumbs/" + name).NewWriter(ctx)
	wc.ChunkSize = 0 // single request, no buffer: data is already in memory
	if _, err := wc.Write(data); err != nil {
		wc.Close()
		return err
	}
	return wc.Close()
}

// Regenerate rebuilds the thumbnails of the named originals.
func (u *Uploader) Regenerate(ctx context.Context, names []string) error {
	buf := originals.Get().(*bytes.Buffer)
	defer originals.Put(buf)
	for _, name := range names {
		buf.Reset()
		rc, err := u.Bucket.Object("originals/" + name).NewReader(ctx)
		if err != nil {
			return err
		}
		_, err = buf.ReadFrom(rc)
		rc.Close()
		if err != nil {
			return err
		}
		var thumb bytes.Buffer
		if err := encode(&thumb, buf); err != nil {
			return err
		}
		obj := &gcs.Object{Name: "thumbs/" + name, ContentType: "image/jpeg"}
		if _, err := u.API.Objects.Insert(u.Name, obj).Media(&thumb, googleapi.ChunkSize(thumbChunk)).Context(ctx).Do(); err != nil {
			return err
		}
	}
	return nil
}

// AppendLog appends one line of the upload log with a chunk that fits a
// line.
func (u *Uploader) AppendLog(ctx context.Context, gen int64, line string) error {
	opts := &storage.AppendableWriterOpts{ChunkSize: 256 << 10}
	w, _, err := u.Bucket.Object("uploads.log").Generation(gen).NewWriterFromAppendableObject(ctx, opts)
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(line + "\n")); err != nil {
		return err
	}
	return w.Close()
}
