package a

import (
	"context"
	"io"

	"github.com/segmentio/kafka-go"
)

// Odd but valid Go: none of these may panic the pass.

// A generic function creating a writer, never closed.
func genericLeak[T any](ctx context.Context, v T) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `is never closed`
	_ = w.WriteMessages(ctx)
}

// Fine: closed through a generic local helper.
func closeIt[T io.Closer](c T) { c.Close() }

func genericClose(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	defer closeIt(w)
	_ = w.WriteMessages(ctx)
}

// Fine: goto around a close that every path reaches.
func withGoto(ctx context.Context, retry bool) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
again:
	if err := w.WriteMessages(ctx); err != nil && retry {
		retry = false
		goto again
	}
	w.Close()
}

// goto jumping past the close.
func gotoLeak(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `is not closed when w\.WriteMessages fails`
	if err := w.WriteMessages(ctx); err != nil {
		goto out
	}
	w.Close()
out:
}

// Fine: a panic is not a leaking exit.
func panics(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	if err := w.WriteMessages(ctx); err != nil {
		panic(err)
	}
	w.Close()
}

// Fine: a variable reassigned and captured by a deferred closure.
func reassigned(ctx context.Context, topic string) {
	var w *kafka.Writer
	defer func() {
		if w != nil {
			w.Close()
		}
	}()
	w = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: topic})
	_ = w.WriteMessages(ctx)
}

// Fine: one of two writers chosen through a phi, closed once.
func phi(ctx context.Context, a bool) {
	var w *kafka.Writer
	if a {
		w = kafka.NewWriter(kafka.WriterConfig{Topic: "a"})
	} else {
		w = kafka.NewWriter(kafka.WriterConfig{Topic: "b"})
	}
	defer w.Close()
	_ = w.WriteMessages(ctx)
}

// Fine: an immediately called function literal closes its argument.
func literalArg() {
	w := kafka.NewWriter(kafka.WriterConfig{})
	func(w *kafka.Writer) { defer w.Close() }(w)
}

// Fine: nested closures, the inner one closes.
func nested(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{})
	defer func() {
		closeNow := func() { w.Close() }
		closeNow()
	}()
	_ = w.WriteMessages(ctx)
}

// A creation inside a function literal that is never closed there.
var lit = func(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{}) // want `is never closed`
	_ = w.WriteMessages(ctx)
}

// Fine: a method value of the writer's own method does not release it,
// but here the writer is closed afterwards.
func ownMethodValue(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{})
	write := w.WriteMessages
	_ = write(ctx)
	w.Close()
}

// A writer per iteration of a worker loop that never returns.
func forever(ctx context.Context) {
	for {
		w := kafka.NewWriter(kafka.WriterConfig{}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed before the loop creates the next one`
		_ = w.WriteMessages(ctx)
	}
}

// A suppressed finding.
func suppressed(ctx context.Context) {
	//memlint:ignore unclosed the process exits right after this call
	w := kafka.NewWriter(kafka.WriterConfig{})
	_ = w.WriteMessages(ctx)
}

// Fine: the previous iteration's writer is closed through a loop-carried
// variable.
func rotate(ctx context.Context, n int) {
	var prev *kafka.Writer
	for i := 0; i < n; i++ {
		w := kafka.NewWriter(kafka.WriterConfig{})
		if prev != nil {
			prev.Close()
		}
		prev = w
	}
	if prev != nil {
		prev.Close()
	}
}

// Closed at the end of the iteration, but continue skips the close.
func continueSkips(ctx context.Context, topics []string) {
	for _, t := range topics {
		w := kafka.NewWriter(kafka.WriterConfig{Topic: t}) // want `is not closed before the loop creates the next one`
		if err := w.WriteMessages(ctx); err != nil {
			continue
		}
		w.Close()
	}
}

// Fine: a deferred function literal taking the writer as an argument.
func deferLiteralArg() {
	w := kafka.NewWriter(kafka.WriterConfig{})
	defer func(c io.Closer) { c.Close() }(w)
}

// Fine: closed through an interface method value.
func ifaceMethodValue(c io.Closer) {
	r := kafka.NewReader(kafka.ReaderConfig{})
	var cl io.Closer = r
	done := cl.Close
	defer done()
}
