// Package xml stands for a copy of encoding/xml vendored into a service
// (x/net/webdav's internal/xml, alist's webdav).
package xml

import "io"

type Decoder struct{ r io.Reader }

func NewDecoder(r io.Reader) *Decoder { return &Decoder{r: r} }

func (d *Decoder) Decode(v any) error {
	_, err := io.ReadAll(d.r)
	return err
}

// Token reads one token: not a whole read.
func (d *Decoder) Token() (any, error) { return nil, nil }
