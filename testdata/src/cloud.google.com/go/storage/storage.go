// Package storage is a stub of cloud.google.com/go/storage v1.70.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures. Passes may add declarations in files of their own.
package storage

import (
	"context"
	"errors"

	"google.golang.org/api/option"
)

// ErrObjectNotExist is upstream's sentinel (storage.go).
var ErrObjectNotExist = errors.New("storage: object doesn't exist")

// Client keeps upstream's transport field: its presence tells memlint that
// Close frees the HTTP client's idle connections (v1.27 and later).
type Client struct {
	tc storageClient
}

type storageClient interface{ Close() error }

func NewClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) { return nil, nil }
func NewGRPCClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) {
	return nil, nil
}
func (c *Client) Close() error                     { return nil }
func (c *Client) Bucket(name string) *BucketHandle { return nil }

type BucketHandle struct{}

func (b *BucketHandle) Object(name string) *ObjectHandle { return nil }

type ObjectHandle struct{}

func (o *ObjectHandle) Attrs(ctx context.Context) (attrs *ObjectAttrs, err error) { return nil, nil }
func (o *ObjectHandle) NewWriter(ctx context.Context) *Writer                     { return nil }
func (o *ObjectHandle) NewReader(ctx context.Context, opts ...ReaderOption) (*Reader, error) {
	return nil, nil
}
func (o *ObjectHandle) NewRangeReader(ctx context.Context, offset, length int64, opts ...ReaderOption) (r *Reader, err error) {
	return nil, nil
}

type ReaderOption interface {
	apply(*newRangeReaderParams)
}

type newRangeReaderParams struct{}

type ObjectAttrs struct {
	Name        string
	ContentType string
}

// Writer writes an object. Each Writer allocates a ChunkSize buffer
// (16 MiB by default) on its first Write.
type Writer struct {
	ObjectAttrs
	SendCRC32C bool
	ChunkSize  int
}

func (w *Writer) Write(p []byte) (int, error)    { return len(p), nil }
func (w *Writer) Close() error                   { return nil }
func (w *Writer) CloseWithError(err error) error { return nil }
func (w *Writer) Attrs() *ObjectAttrs            { return nil }

type Reader struct{}

func (r *Reader) Read(p []byte) (int, error) { return 0, nil }
func (r *Reader) Close() error               { return nil }
