package pipeline

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
)

// newAuditClient is a thin constructor wrapper, the shape services use
// to keep their sarama configuration in one place.
func newAuditClient() (sarama.Client, error) {
	cfg := sarama.NewConfig()
	cfg.ClientID = "audit"
	return sarama.NewClient(Brokers, cfg)
}

// AuditTopicsLeaky builds a client per call through the wrapper and
// never closes it.
func AuditTopicsLeaky() ([]string, error) {
	c, err := newAuditClient() // want "sarama.Client c from pipeline.newAuditClient is never closed"
	if err != nil {
		return nil, err
	}
	return c.Topics()
}

// AuditTopics closes the client the wrapper returns.
func AuditTopics() ([]string, error) {
	c, err := newAuditClient()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Topics()
}

// MetricsProducer owns a franz-go client, as connectors wrap theirs:
// its Close closes the client.
type MetricsProducer struct {
	client *kgo.Client
}

// NewMetricsProducer is an owning wrapper: it returns a fresh
// MetricsProducer holding the fresh client.
func NewMetricsProducer() (*MetricsProducer, error) { // want NewMetricsProducer:"constructs\\(github.com/twmb/franz-go/pkg/kgo.NewClient\\) in\\(client\\) released\\(Close\\)"
	cl, err := kgo.NewClient(kgo.SeedBrokers(Brokers...), kgo.DefaultProduceTopic("metrics"))
	if err != nil {
		return nil, err
	}
	return &MetricsProducer{client: cl}, nil
}

// Produce sends one record.
func (p *MetricsProducer) Produce(ctx context.Context, v []byte) error {
	return p.client.ProduceSync(ctx, &kgo.Record{Value: v}).FirstErr()
}

// Close closes the client.
func (p *MetricsProducer) Close() { p.client.Close() }

// ProduceOnceLeaky builds a producer per call and never closes it: the
// client inside stays with its goroutines and connections.
func ProduceOnceLeaky(ctx context.Context, v []byte) error {
	p, err := NewMetricsProducer() // want "pipeline.MetricsProducer p from pipeline.NewMetricsProducer is never closed"
	if err != nil {
		return err
	}
	return p.Produce(ctx, v)
}

// ProduceOnce closes it.
func ProduceOnce(ctx context.Context, v []byte) error {
	p, err := NewMetricsProducer()
	if err != nil {
		return err
	}
	defer p.Close()
	return p.Produce(ctx, v)
}
