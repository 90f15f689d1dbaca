// Package helpers holds functions in another package than their callers:
// their ownership facts (internal/ownership's, asserted by its test) must
// reach the callers in unclosed/a.
package helpers

import (
	"io"

	"cloud.google.com/go/storage"

	"github.com/segmentio/kafka-go"
)

// CloseWriter closes w on every path.
func CloseWriter(w *kafka.Writer) error { // want CloseWriter:"releases\\(0\\)"
	return w.Close()
}

// CloseQuietly closes c in a deferred closure.
func CloseQuietly(c io.Closer) { // want CloseQuietly:"releases\\(0\\)"
	defer func() { _ = c.Close() }()
}

var registry []io.Closer

// Register keeps c for a later shutdown.
func Register(c io.Closer) { // want Register:"retains\\(0\\)"
	registry = append(registry, c)
}

// Pool keeps writers.
type Pool struct{ ws map[string]*kafka.Writer }

// Add stores w in the pool: the fact names w, parameter 1 of the
// signature (the receiver is not counted).
func (p *Pool) Add(name string, w *kafka.Writer) { // want Add:"retains\\(1\\)"
	p.ws[name] = w
}

// Wrap returns w unchanged.
func Wrap(w io.Writer) io.Writer { // want Wrap:"returns\\(0\\)"
	return w
}

// Use only uses w: no fact.
func Use(w *kafka.Writer) string {
	return w.Topic
}

// CloseOnError closes c only when err is non-nil: it keeps partial
// ownership, which callers must treat as a hand-off.
func CloseOnError(c io.Closer, err error) { // want CloseOnError:"retains\\(0\\)"
	if err != nil {
		c.Close()
	}
}

// Start hands w to a goroutine.
func Start(w *kafka.Writer) { // want Start:"retains\\(0\\)"
	go func() {
		_ = w.Close()
	}()
}

// CloseAll closes a value of any type with a Close method (generic).
func CloseAll[T io.Closer](c T) error { // want CloseAll:"releases\\(0\\)"
	return c.Close()
}

// Object returns an object handle; its callers need not import storage.
// No fact: the handle is not c.
func Object(c *storage.Client, name string) *storage.ObjectHandle {
	return c.Bucket("b").Object(name)
}
