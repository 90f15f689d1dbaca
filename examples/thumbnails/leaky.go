package thumbnails

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"

	"cloud.google.com/go/storage"
	gcs "google.golang.org/api/storage/v1"
)

// LeakyUploader is the service as it was first written.
type LeakyUploader struct {
	Bucket *storage.BucketHandle
	API    *gcs.Service // JSON API client used for re-uploads
	Name   string       // bucket name, for the JSON API
}

// ServeHTTP stores the thumbnail of the uploaded image.
func (u *LeakyUploader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// bigbuffer: 4 MiB of bufio per request.
	br := bufio.NewReaderSize(r.Body, 4<<20) // want `bufio.NewReaderSize allocates 4 MiB per request`
	name := r.URL.Query().Get("name")

	// bigbuffer: the writer allocates its 16 MiB default ChunkSize on the
	// first Write, for a thumbnail of a few KB, in every request.
	wc := u.Bucket.Object("thumbs/" + name).NewWriter(r.Context()) // want `storage.Writer wc buffers 16 MiB per request \(default ChunkSize\)`
	wc.ContentType = "image/jpeg"
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

// Regenerate rebuilds the thumbnails of the named originals.
func (u *LeakyUploader) Regenerate(ctx context.Context, names []string) error {
	for _, name := range names {
		// bigbuffer: a fresh 8 MiB read buffer for every original.
		buf := bytes.NewBuffer(make([]byte, 0, 8<<20)) // want `bytes.NewBuffer\(make\(\[\]byte\)\) allocates 8 MiB per loop iteration`
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
		// bigbuffer: Media without googleapi.ChunkSize buffers 16 MiB per
		// iteration (gensupport.NewMediaBuffer).
		obj := &gcs.Object{Name: "thumbs/" + name, ContentType: "image/jpeg"}
		if _, err := u.API.Objects.Insert(u.Name, obj).Media(&thumb).Context(ctx).Do(); err != nil { // want `ObjectsInsertCall.Media upload buffers 16 MiB per loop iteration`
			return err
		}
	}
	return nil
}

// AppendLog appends one line of the upload log to an appendable object.
func (u *LeakyUploader) AppendLog(ctx context.Context, gen int64, line string) error {
	// bigbuffer: nil options leave ChunkSize at its 16 MiB default, for
	// one log line.
	w, _, err := u.Bucket.Object("uploads.log").Generation(gen).NewWriterFromAppendableObject(ctx, nil) // want `storage.Writer from NewWriterFromAppendableObject buffers 16 MiB`
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(line + "\n")); err != nil {
		return err
	}
	return w.Close()
}
