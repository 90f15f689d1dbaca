package a

import (
	"context"
	"errors"

	"github.com/segmentio/kafka-go"
)

// A kafka-go Writer starts its partition writers' goroutines and dials
// its connections on its first WriteMessages: dropped before that, it
// holds nothing Close would free.

func pickBalancer(name string) (kafka.Balancer, error) {
	if name == "" {
		return nil, errors.New("no balancer")
	}
	return nil, nil
}

// Fine: dropped when the configuration fails, before any write
// (kafka-konsumer's NewProducer).
func newProducerLiteral(addrs []string, balancer string) (*kafka.Writer, error) {
	w := &kafka.Writer{Addr: kafka.TCP(addrs...), Topic: "t"}
	if balancer != "" {
		b, err := pickBalancer(balancer)
		if err != nil {
			return nil, err // fine: w has never written
		}
		w.Balancer = b
	}
	return w, nil
}

// Fine: the same with kafka.NewWriter.
func newProducerCtor(balancer string) (*kafka.Writer, error) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"})
	b, err := pickBalancer(balancer)
	if err != nil {
		return nil, err // fine: w has never written
	}
	w.Balancer = b
	return w, nil
}

// Written, then dropped when the write or a later step fails: the write
// started its goroutines and connections.
func writtenThenDropped(ctx context.Context, balancer string) (*kafka.Writer, error) {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: "t"} // want `^kafka\.Writer w from &kafka\.Writer\{\} is not closed when w\.WriteMessages fails`
	if err := w.WriteMessages(ctx, kafka.Message{Value: []byte("hello")}); err != nil {
		return nil, err
	}
	b, err := pickBalancer(balancer)
	if err != nil {
		return nil, err
	}
	w.Balancer = b
	return w, nil
}

// Captured by a closure that may write with it: the closure counts as a
// use from where it is made.
func capturedThenDropped(ctx context.Context, balancer string) (func() error, error) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "t"}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed`
	send := func() error { return w.WriteMessages(ctx) }
	if err := send(); err != nil {
		return nil, err
	}
	if _, err := pickBalancer(balancer); err != nil {
		return nil, err
	}
	return func() error { return w.Close() }, nil
}
