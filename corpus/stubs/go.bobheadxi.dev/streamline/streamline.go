// Package streamline stands in for go.bobheadxi.dev/streamline, which
// gogs imports through sourcegraph/run (internal/ssh) and which the proxy
// refuses. It declares only what its importers use, so they type-check;
// memlint never reports in it.
package streamline

import (
	"io"

	"go.bobheadxi.dev/streamline/pipeline"
)

type Stream struct{ r io.Reader }

func New(r io.Reader) *Stream                              { return &Stream{r: r} }
func (s *Stream) WithPipeline(p pipeline.Pipeline) *Stream { return s }
func (s *Stream) Stream(dst func(line string)) error       { return nil }
func (s *Stream) Lines() ([]string, error)                 { return nil, nil }
func (s *Stream) String() (string, error)                  { return "", nil }
func (s *Stream) Read(p []byte) (int, error)               { return s.r.Read(p) }
func (s *Stream) WriteTo(dst io.Writer) (int64, error)     { return io.Copy(dst, s.r) }
