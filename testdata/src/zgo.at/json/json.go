// Package json is a stub of zgo.at/json v0.0.0-20221020004326-fe4f75bb278e,
// a fork of encoding/json, for memlint's tests. It declares only what
// memlint's passes inspect, with the upstream signatures.
package json

import "io"

func Marshal(v any) ([]byte, error)                              { return nil, nil }
func MarshalIndent(v any, prefix, indent string) ([]byte, error) { return nil, nil }

// Encoder writes JSON values to an output stream.
type Encoder struct{ w io.Writer }

func NewEncoder(w io.Writer) *Encoder                { return &Encoder{w: w} }
func (enc *Encoder) Encode(v any) error              { return nil }
func (enc *Encoder) SetIndent(prefix, indent string) {}
func (enc *Encoder) NullArray(on bool)               {}
