// Package json is named like a fork of encoding/json but its Decoder
// decodes from bytes it is given, not from a reader.
package json

type Decoder struct{ b []byte }

func NewDecoder(b []byte) *Decoder { return &Decoder{b: b} }

func (d *Decoder) Decode(v any) error { return nil }
