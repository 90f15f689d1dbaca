// Package ctors holds constructor wrappers in another package than their
// callers: their constructs facts must reach the callers in unclosed/a.
package ctors

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

// NewProducer is a constructor wrapper: it returns the fresh producer of
// sarama.NewSyncProducer on every path that returns one.
func NewProducer(addrs []string) (sarama.SyncProducer, error) { // want NewProducer:"constructs\\(github.com/IBM/sarama.NewSyncProducer\\)"
	cfg := sarama.NewConfig()
	cfg.ClientID = "memlint"
	p, err := sarama.NewSyncProducer(addrs, cfg)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// NewProducerVia wraps the wrapper.
func NewProducerVia(addrs []string) (sarama.SyncProducer, error) { // want NewProducerVia:"constructs\\(github.com/IBM/sarama.NewSyncProducer\\)"
	return NewProducer(addrs)
}

var shared sarama.SyncProducer

// SharedProducer returns a producer it also keeps: the caller is not its
// only owner, so it is no constructor wrapper.
func SharedProducer(addrs []string) (sarama.SyncProducer, error) {
	p, err := sarama.NewSyncProducer(addrs, nil)
	if err != nil {
		return nil, err
	}
	shared = p
	return p, nil
}

// CachedProducer returns the kept producer on one path: no wrapper.
func CachedProducer(addrs []string) (sarama.SyncProducer, error) {
	if shared != nil {
		return shared, nil
	}
	return sarama.NewSyncProducer(addrs, nil)
}

// Producer owns a kgo client: its Close closes it (conduit's
// FranzProducer).
type Producer struct {
	client *kgo.Client
	topic  string
}

// NewOwnedProducer is an owning wrapper: it returns a fresh Producer
// holding the fresh client in its client field, which Producer's Close
// closes.
func NewOwnedProducer(ctx context.Context, topic string) (*Producer, error) { // want NewOwnedProducer:"constructs\\(github.com/twmb/franz-go/pkg/kgo.NewClient\\) in\\(client\\) released\\(Close\\)"
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return nil, err
	}
	if err := cl.Ping(ctx); err != nil {
		cl.Close()
		return nil, err
	}
	return &Producer{client: cl, topic: topic}, nil
}

// Close closes the client, with a context as some connectors' Close
// methods take.
func (p *Producer) Close(ctx context.Context) error {
	if p.client != nil {
		p.client.Close()
	}
	return nil
}

// Produce sends one record.
func (p *Producer) Produce(ctx context.Context, v []byte) error {
	return p.client.ProduceSync(ctx, &kgo.Record{Value: v}).FirstErr()
}

// Borrower holds a client it was given and whose Close does not close
// it: no owning wrapper.
type Borrower struct{ client *kgo.Client }

// Close releases nothing of the client.
func (b *Borrower) Close() error { return nil }

// NewBorrower builds its client but its Close leaves it open: the struct
// does not own it, so NewBorrower is no wrapper. Its own leak is the
// client the struct keeps and nothing closes.
func NewBorrower() (*Borrower, error) {
	cl, err := kgo.NewClient() // want `kgo.Client from kgo.NewClient is stored in Borrower.client, which nothing closes: \(\*ctors.Borrower\).Close does not close it`
	if err != nil {
		return nil, err
	}
	return &Borrower{client: cl}, nil
}

var producers []*Producer

// NewKeptProducer also keeps what it returns: its caller is not the only
// owner, no wrapper.
func NewKeptProducer() (*Producer, error) {
	cl, err := kgo.NewClient()
	if err != nil {
		return nil, err
	}
	p := &Producer{client: cl}
	producers = append(producers, p)
	return p, nil
}
