// Package pipeline stands in for go.bobheadxi.dev/streamline/pipeline
// (see the streamline stub).
package pipeline

type Pipeline interface {
	Inactive() bool
	ProcessLine(line []byte) ([]byte, error)
}
