package pipeline

import (
	"context"
	"errors"
	"io"

	"cloud.google.com/go/storage"
)

// chunk is the upload buffer size: uploads here are small.
const chunk = 256 << 10

// UploadLeaky streams r into an object and returns early when the copy
// fails: the writer is never closed, the upload is never finalized and
// its buffer stays live until the caller's ctx is cancelled (for a
// background job's context, never).
func UploadLeaky(ctx context.Context, bkt *storage.BucketHandle, name string, r io.Reader) error {
	w := bkt.Object(name).NewWriter(ctx) // want "storage.Writer w from \\(\\*storage.ObjectHandle\\).NewWriter is not closed when io.Copy fails"
	w.ChunkSize = chunk
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// Upload cancels the upload on failure and reports Close's error, which
// is where a failed upload shows up.
func Upload(ctx context.Context, bkt *storage.BucketHandle, name string, r io.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := bkt.Object(name).NewWriter(ctx)
	w.ChunkSize = chunk
	if _, err := io.Copy(w, r); err != nil {
		cancel()
		w.Close()
		return err
	}
	return w.Close()
}

// ClientPerCallLeaky creates a storage client per call and drops it.
func ClientPerCallLeaky(ctx context.Context, name string) ([]byte, error) {
	client, err := storage.NewClient(ctx) // want "storage.Client client from storage.NewClient is never closed"
	if err != nil {
		return nil, err
	}
	rd, err := client.Bucket("thumbs").Object(name).NewReader(ctx)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// Download uses a shared client and closes the reader.
func Download(ctx context.Context, client *storage.Client, name string) ([]byte, error) {
	rd, err := client.Bucket("thumbs").Object(name).NewReader(ctx)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// DownloadOrNil returns nil for a missing object: errors.Is with the
// library's sentinel holds only when NewReader failed, so no reader is
// dropped there.
func DownloadOrNil(ctx context.Context, client *storage.Client, name string) ([]byte, error) {
	rd, err := client.Bucket("thumbs").Object(name).NewReader(ctx)
	if errors.Is(err, storage.ErrObjectNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return io.ReadAll(rd)
}
