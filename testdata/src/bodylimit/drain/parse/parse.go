// Package parse reads documents from streams; it imports no HTTP package,
// so only its facts say that a caller's request body is read whole.
package parse

import (
	"encoding/xml"
	"io"
)

type Doc struct {
	Title string `xml:"title"`
}

type Handler struct{}

// Import reads its stream whole through an unexported helper, two calls
// away from the caller's request body (miniflux's opml.(*Handler).Import).
func (h *Handler) Import(user int64, data io.Reader) error { // want Import:`drains\(1:xml.Decoder.Decode\)`
	_, err := parse(data)
	return err
}

func parse(data io.Reader) (*Doc, error) { // want parse:`drains\(0:xml.Decoder.Decode\)`
	var d Doc
	dec := xml.NewDecoder(data)
	dec.Strict = false
	err := dec.Decode(&d)
	return &d, err
}

// Slurp reads its stream whole.
func Slurp(r io.Reader) ([]byte, error) { // want Slurp:`drains\(0:io.ReadAll\)`
	return io.ReadAll(r)
}

// Bounded reads at most 1 MiB of its stream: no drain.
func Bounded(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, 1<<20))
}

// Store streams its stream to a writer: no drain.
func Store(w io.Writer, r io.Reader) error {
	_, err := io.Copy(w, r)
	return err
}
