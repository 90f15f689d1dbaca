// Package zstd is a stub of github.com/klauspost/compress/zstd v1.18.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package zstd

import "io"

type decoderOptions struct{}

// DOption is an option for creating a decoder.
type DOption func(*decoderOptions) error

// Decoder provides decoding of zstandard streams.
type Decoder struct{}

// NewReader creates a new decoder.
func NewReader(r io.Reader, opts ...DOption) (*Decoder, error) { return &Decoder{}, nil }

// Read bytes from the decompressed stream into p.
func (d *Decoder) Read(p []byte) (int, error) { return 0, io.EOF }
