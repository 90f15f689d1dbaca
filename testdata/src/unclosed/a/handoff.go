package a

import (
	"context"
	"io"
	"net/http"

	"github.com/segmentio/kafka-go"
)

// Hand-offs: each of these gives the writer to someone who closes it.

type service struct {
	w *kafka.Writer
}

var global *kafka.Writer

// Fine: returned.
func returned() *kafka.Writer {
	return kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Returned as an interface on success, but the error return leaks it:
// a hand-off only covers the paths that pass through it.
func returnedCloser(ctx context.Context) (io.Closer, error) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed when w\.WriteMessages fails`
	if err := w.WriteMessages(ctx); err != nil {
		return nil, err
	}
	return w, nil
}

// Fine: stored in a struct field.
func stored(s *service) {
	s.w = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Fine: stored in a struct literal that is returned.
func newService() *service {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	return &service{w: w}
}

// Fine: stored in a global.
func storedGlobal() {
	global = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Fine: stored in a map.
func storedMap(m map[string]*kafka.Writer) {
	m["t"] = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Fine: appended to a slice closed by the caller.
func appended(ws []*kafka.Writer) []*kafka.Writer {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	return append(ws, w)
}

// Fine: sent on a channel.
func sent(ch chan<- *kafka.Writer) {
	ch <- kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Fine: captured by a goroutine that closes it.
func goroutine(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	go func() {
		defer w.Close()
		_ = w.WriteMessages(ctx)
	}()
}

// Fine: handed to a goroutine as an argument.
func goroutineArg(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	go produce(ctx, w)
}

func produce(ctx context.Context, w *kafka.Writer) {
	defer w.Close()
	_ = w.WriteMessages(ctx)
}

// Fine: passed to a func value, which may close it.
func funcValue(consume func(*kafka.Writer)) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	consume(w)
}

type sink interface{ Take(io.Closer) }

// Fine: passed to an interface method.
func ifaceMethod(s sink) {
	s.Take(kafka.NewReader(kafka.ReaderConfig{Brokers: brokers}))
}

// Fine: captured by a closure that escapes (registered as a handler).
func escapingClosure(mux *http.ServeMux) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		_ = w.WriteMessages(r.Context())
	})
}

// A closure that only uses the writer and is called in place is not a
// hand-off.
func localClosure(ctx context.Context) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `is never closed`
	send := func() { _ = w.WriteMessages(ctx) }
	send()
}

// Fine: a cleanup closure called on every path.
func cleanupClosure(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	cleanup := func() { w.Close() }
	if err := w.WriteMessages(ctx); err != nil {
		cleanup()
		return err
	}
	cleanup()
	return nil
}

// Fine: stored in a slice element.
func storedSlice(ws []*kafka.Writer) {
	ws[0] = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
}

// Fine: stored in a local struct that is passed on.
func storedLocalStruct(run func(service)) {
	s := service{w: kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})}
	run(s)
}

// A hand-off only covers the paths through it: the error return before
// the store leaks the writer.
func storedLate(ctx context.Context, s *service) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed when w\.WriteMessages fails`
	if err := w.WriteMessages(ctx); err != nil {
		return err
	}
	s.w = w
	return nil
}
