package a

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"cloud.google.com/go/storage"
)

// The upload is never finalized when io.Copy fails.
func upload(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriter is not closed when io\.Copy fails \(the upload is never finalized and its 16 MiB buffer \(the default ChunkSize\) stays live until the writer's context is cancelled\)$`
	if _, err := io.Copy(w, r); err != nil {
		return err
	}
	return w.Close()
}

// Fine: CloseWithError on the failure path, Close otherwise.
func uploadCloseWithError(ctx context.Context, obj *storage.ObjectHandle, r io.Reader) error {
	w := obj.NewWriter(ctx)
	if _, err := io.Copy(w, r); err != nil {
		w.CloseWithError(err)
		return err
	}
	return w.Close()
}

// fmt.Fprintf and json.NewEncoder(w).Encode only use the writer.
func uploadJSON(ctx context.Context, obj *storage.ObjectHandle, v any) error {
	w := obj.NewWriter(ctx) // want `^storage\.Writer w from \(\*storage\.ObjectHandle\)\.NewWriter is never closed`
	fmt.Fprintf(w, "%d\n", 1)
	return json.NewEncoder(w).Encode(v)
}

// A discarded writer and a discarded reader.
func discarded(ctx context.Context, obj *storage.ObjectHandle) {
	_ = obj.NewWriter(ctx)    // fine: a writer opens on its first Write; a discarded one holds nothing
	obj.NewReader(ctx)        // want `^storage\.Reader from \(\*storage\.ObjectHandle\)\.NewReader is discarded without being closed \(leaks its HTTP response body and connection\)$`
	_, _ = obj.NewReader(ctx) // want `is discarded without being closed`
}

// Fine: reader closed; range reader returned.
func read(ctx context.Context, obj *storage.ObjectHandle) ([]byte, error) {
	r, err := obj.NewReader(ctx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

func rangeReader(ctx context.Context, obj *storage.ObjectHandle) (io.ReadCloser, error) {
	return obj.NewRangeReader(ctx, 0, 10)
}

// A range reader read and dropped.
func rangeRead(ctx context.Context, obj *storage.ObjectHandle) ([]byte, error) {
	r, err := obj.NewRangeReader(ctx, 0, 10) // want `^storage\.Reader r from \(\*storage\.ObjectHandle\)\.NewRangeReader is never closed`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

type gcsDriver struct{ client *storage.Client }

// Fine: the client is dropped on a configuration error before it has made
// a request; an HTTP client holds no connections until then, so Close
// would free nothing.
func newDriver(ctx context.Context, concurrency int) (*gcsDriver, error) {
	client, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	if concurrency < 1 {
		return nil, fmt.Errorf("concurrency %d", concurrency)
	}
	return &gcsDriver{client: client}, nil
}

// The client has read an object when the check fails: its connection
// stays open.
func newDriverChecked(ctx context.Context) (*gcsDriver, error) {
	client, err := storage.NewClient(ctx) // want `^storage\.Client client from storage\.NewClient is not closed when \(\*storage\.ObjectHandle\)\.Attrs fails`
	if err != nil {
		return nil, err
	}
	if _, err := client.Bucket("b").Object("probe").Attrs(ctx); err != nil {
		return nil, err
	}
	return &gcsDriver{client: client}, nil
}

// A client per call, never closed.
func clientPerCall(ctx context.Context) error {
	client, err := storage.NewClient(ctx) // want `^storage\.Client client from storage\.NewClient is never closed \(keeps its idle HTTP connections, each with its goroutines and read and write buffers, open until the 90 s idle timeout\)$`
	if err != nil {
		return err
	}
	_ = client.Bucket("b").Object("o")
	return nil
}

func grpcClientLeak(ctx context.Context) error {
	client, err := storage.NewGRPCClient(ctx) // want `^storage\.Client client from storage\.NewGRPCClient is never closed \(leaks its gRPC connection pool and the pool's goroutines\)$`
	if err != nil {
		return err
	}
	_ = client.Bucket("b")
	return nil
}

// Fine: gRPC client closed through an io.Closer variable.
func grpcClient(ctx context.Context) error {
	client, err := storage.NewGRPCClient(ctx)
	if err != nil {
		return err
	}
	var c io.Closer = client
	defer c.Close()
	return nil
}

// Fine: Close through a method value.
func methodValue(ctx context.Context, obj *storage.ObjectHandle) {
	w := obj.NewWriter(ctx)
	closeFn := w.Close
	defer closeFn()
	w.Write([]byte("x"))
}

// Fine: the bucket handle keeps its client, and storing the handle hands
// the client off like storing the client (VictoriaMetrics' gcsremote).
type bucketFS struct{ bkt *storage.BucketHandle }

func (fs *bucketFS) init(ctx context.Context) error {
	c, err := storage.NewClient(ctx)
	if err != nil {
		return err
	}
	fs.bkt = c.Bucket("b")
	return nil
}

// readOrNil is fine: errors.Is(err, storage.ErrObjectNotExist) holds only
// when NewReader failed, and then there is no reader (vault's gcs Get).
func readOrNil(ctx context.Context, obj *storage.ObjectHandle) ([]byte, error) {
	r, err := obj.NewReader(ctx)
	if errors.Is(err, storage.ErrObjectNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// readOrNilEq is fine for the same reason: err equals a sentinel error.
func readOrNilEq(ctx context.Context, obj *storage.ObjectHandle) ([]byte, error) {
	r, err := obj.NewReader(ctx)
	if err == storage.ErrObjectNotExist {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// readNotFound leaks: when the error is not ErrObjectNotExist it may be
// nil, and the reader is dropped.
func readNotFound(ctx context.Context, obj *storage.ObjectHandle) error {
	r, err := obj.NewReader(ctx) // want `^storage\.Reader r from \(\*storage\.ObjectHandle\)\.NewReader is never closed`
	if !errors.Is(err, storage.ErrObjectNotExist) {
		return err
	}
	_, err = io.ReadAll(r)
	return err
}
