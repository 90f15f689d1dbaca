package a

import (
	"context"
	"errors"
	"log"

	"github.com/segmentio/kafka-go"

	"unclosed/helpers"
)

var brokers = []string{"localhost:9092"}

// Incident 2: a writer per upload, never closed.
func perUpload(ctx context.Context, body []byte) error {
	writer := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "uploads"}) // want `^kafka\.Writer writer from kafka\.NewWriter is never closed \(leaks its batching goroutines and connections\)$`
	return writer.WriteMessages(ctx, kafka.Message{Value: body})
}

// Fine: deferred Close.
func perUploadDeferred(ctx context.Context, body []byte) error {
	writer := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "uploads"})
	defer writer.Close()
	return writer.WriteMessages(ctx, kafka.Message{Value: body})
}

// Fine: closed directly on every path; a close need not be deferred.
func closedDirectly(ctx context.Context, body []byte) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"})
	err := w.WriteMessages(ctx, kafka.Message{Value: body})
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// The recommended literal form, never closed.
func literal(ctx context.Context) error {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "t"} // want `^kafka\.Writer w from &kafka\.Writer\{\} is never closed`
	return w.WriteMessages(ctx, kafka.Message{Value: []byte("x")})
}

// Fine: literal closed in a deferred closure.
func literalDeferredClosure(ctx context.Context) (err error) {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "t"}
	defer func() {
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}()
	return w.WriteMessages(ctx, kafka.Message{Value: []byte("x")})
}

// Closed on the success path only: the early return leaks it.
func closedOnSuccessOnly(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed when w\.WriteMessages fails \(leaks its batching goroutines and connections\)$`
	if err := w.WriteMessages(ctx, kafka.Message{}); err != nil {
		return err
	}
	return w.Close()
}

// Closed in one branch only.
func closedInBranch(ctx context.Context, flush bool) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "t"}) // want `^kafka\.Reader r from kafka\.NewReader is not closed on every path \(leaks its fetch goroutines`
	if flush {
		r.Close()
	}
}

// Fine: the error path is not a leak (Dial returned no connection).
func dialErr(ctx context.Context) error {
	conn, err := kafka.DialLeader(ctx, "tcp", "localhost:9092", "t", 0)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

// Fine: log.Fatal never returns.
func dialFatal(ctx context.Context) {
	conn, err := kafka.DialContext(ctx, "tcp", "localhost:9092")
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}

// Dialer methods, never closed; the fix goes after the error check.
func dialer(ctx context.Context, d *kafka.Dialer) error {
	conn, err := d.DialPartition(ctx, "tcp", "localhost:9092", kafka.Partition{Topic: "t"}) // want `^kafka\.Conn conn from \(\*kafka\.Dialer\)\.DialPartition is never closed \(leaks its broker connection\)$`
	if err != nil {
		return err
	}
	_, err = conn.WriteMessages(kafka.Message{})
	return err
}

// Fine: nil check instead of error check.
func dialNilCheck() {
	conn, _ := kafka.Dial("tcp", "localhost:9092")
	if conn == nil {
		return
	}
	conn.Close()
}

// A discarded result.
func discardedDial() {
	kafka.Dial("tcp", "localhost:9092") // want `^kafka\.Conn from kafka\.Dial is discarded without being closed`
}

// Fine: closed by a helper in another package (fact closes(0)).
func closedByHelper(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	defer helpers.CloseWriter(w)
	return w.WriteMessages(ctx)
}

// Fine: closed by a generic helper in another package.
func closedByGenericHelper(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	defer helpers.CloseAll(w)
	return w.WriteMessages(ctx)
}

// Fine: closed through io.Closer by a helper with a deferred closure inside.
func closedByQuietHelper() {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers})
	helpers.CloseQuietly(r)
}

// Passing to a function that only uses it is not a hand-off.
func onlyUsed() string {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `is never closed`
	return helpers.Use(w)
}

// Fine: registered for shutdown by a helper (fact retains(0)).
func registered() {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	helpers.Register(w)
}

// Fine: added to a pool (fact retains(1) on a method: the receiver is
// not counted).
func pooled(p *helpers.Pool) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	p.Add("t", w)
}

// Fine: a helper that closes only on error retains it.
func closeOnError(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	err := w.WriteMessages(ctx)
	helpers.CloseOnError(w, err)
	return err
}

// Fine: handed to a goroutine by a helper.
func started() {
	helpers.Start(kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}))
}

// Fine: returned (wrapped by a helper that returns its argument).
func wrapped() any {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	return helpers.Wrap(nopWriter{w})
}

type nopWriter struct{ w *kafka.Writer }

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

// A helper in the same package that closes its parameter.
func shutdown(w *kafka.Writer) {
	if err := w.Close(); err != nil {
		log.Print(err)
	}
}

// Fine: closed by a same-package helper.
func closedByLocalHelper(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	defer shutdown(w)
	return w.WriteMessages(ctx)
}

var errBusy = errors.New("busy")

// Fine: the writer is closed on the error path and returned otherwise.
func newWriter(ready bool) (*kafka.Writer, error) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	if !ready {
		w.Close()
		return nil, errBusy
	}
	return w, nil
}

// A defer inside the loop that creates the writer.
func deferInLoop(ctx context.Context, topics []string) error {
	for _, t := range topics {
		w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: t}) // want `^kafka\.Writer w from kafka\.NewWriter is closed by a defer inside the loop that creates it`
		defer w.Close()
		if err := w.WriteMessages(ctx); err != nil {
			return err
		}
	}
	return nil
}

// Fine: closed at the end of each iteration.
func closeInLoop(ctx context.Context, topics []string) {
	for _, t := range topics {
		w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: t})
		_ = w.WriteMessages(ctx)
		w.Close()
	}
}

// Fine: a defer in a function literal called per iteration.
func deferInClosurePerIteration(ctx context.Context, topics []string) {
	for _, t := range topics {
		func() {
			w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: t})
			defer w.Close()
			_ = w.WriteMessages(ctx)
		}()
	}
}

// Under a //line directive without a column (the fix's indentation once
// came out negative); the directive keeps this file's name and numbering.
//
//line kafka.go:239
func underLineDirective(ctx context.Context, body []byte) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"}) // want `^kafka\.Writer w from kafka\.NewWriter is never closed`
	return w.WriteMessages(ctx, kafka.Message{Value: body})
}
