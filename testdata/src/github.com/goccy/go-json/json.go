// Package json is a stub of github.com/goccy/go-json v0.12.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. EncodeOption stands in for the upstream alias of an internal
// type. Passes may add declarations in files of their own.
package json

import (
	"bytes"
	"context"
	"io"
)

type EncodeOption struct{}

type EncodeOptionFunc func(*EncodeOption)

func Marshal(v any) ([]byte, error)                                         { return nil, nil }
func MarshalWithOption(v any, optFuncs ...EncodeOptionFunc) ([]byte, error) { return nil, nil }
func MarshalIndent(v any, prefix, indent string) ([]byte, error)            { return nil, nil }
func MarshalIndentWithOption(v any, prefix, indent string, optFuncs ...EncodeOptionFunc) ([]byte, error) {
	return nil, nil
}
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error { return nil }

type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder                                         { return &Encoder{w: w} }
func (e *Encoder) Encode(v any) error                                         { return nil }
func (e *Encoder) EncodeWithOption(v any, optFuncs ...EncodeOptionFunc) error { return nil }
func (e *Encoder) EncodeContext(ctx context.Context, v any, optFuncs ...EncodeOptionFunc) error {
	return nil
}
func (e *Encoder) SetIndent(prefix, indent string) {}
