// Package snappy is a stub of github.com/golang/snappy v1.0.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package snappy

import "io"

// Reader is an io.Reader that can read Snappy-compressed bytes.
type Reader struct{}

// NewReader returns a new Reader that decompresses from r.
func NewReader(r io.Reader) *Reader { return &Reader{} }

// Read satisfies the io.Reader interface.
func (r *Reader) Read(p []byte) (int, error) { return 0, io.EOF }
