// Package pipeline is an event pipeline on the real Kafka and Cloud Storage
// libraries: producers, consumers and an uploader, each written the way
// that leaks (incident 2: a kafka-go Writer per upload, never closed) and
// the way that does not. The comments "want" mark what memlint's unclosed
// pass reports.
package pipeline

import (
	"context"
	"fmt"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"

	"github.com/memlint/memlint/examples/pipeline/shutdown"
)

// Brokers are the Kafka bootstrap servers.
var Brokers = []string{"localhost:9092"}

// PublishUploadLeaky is incident 2: a writer per upload, never closed.
// Every call leaves a batching goroutine and its connections behind.
func PublishUploadLeaky(ctx context.Context, name string, size int64) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: Brokers, Topic: "uploads"}) // want "kafka.Writer w from kafka.NewWriter is never closed"
	return w.WriteMessages(ctx, kafka.Message{Key: []byte(name), Value: fmt.Appendf(nil, "%d", size)})
}

// Publisher shares one writer for the life of the process.
type Publisher struct {
	w *kafka.Writer
}

// NewPublisher returns a Publisher; the caller closes it. The writer is
// stored in the Publisher: a hand-off, not a leak.
func NewPublisher() *Publisher {
	return &Publisher{w: &kafka.Writer{
		Addr:     kafka.TCP(Brokers...),
		Topic:    "uploads",
		Balancer: &kafka.LeastBytes{},
	}}
}

// PublishUpload sends one event on the shared writer.
func (p *Publisher) PublishUpload(ctx context.Context, name string, size int64) error {
	return p.w.WriteMessages(ctx, kafka.Message{Key: []byte(name), Value: fmt.Appendf(nil, "%d", size)})
}

// Close flushes and closes the writer.
func (p *Publisher) Close() error { return p.w.Close() }

// PublishOnce is a one-off publish that closes its writer.
func PublishOnce(ctx context.Context, msg kafka.Message) error {
	w := &kafka.Writer{Addr: kafka.TCP(Brokers...), Topic: "audit"}
	defer w.Close()
	return w.WriteMessages(ctx, msg)
}

// AuditLeaky creates a sarama producer per call and closes it only when
// the send succeeds.
func AuditLeaky(event string) error {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, err := sarama.NewSyncProducer(Brokers, cfg) // want "sarama.SyncProducer p from sarama.NewSyncProducer is not closed when"
	if err != nil {
		return err
	}
	if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(event)}); err != nil {
		return err
	}
	return p.Close()
}

// Audit closes the producer on every path.
func Audit(event string) (err error) {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, err := sarama.NewSyncProducer(Brokers, cfg)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := p.Close(); err == nil {
			err = cerr
		}
	}()
	_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(event)})
	return err
}

// AuditBatch closes the producer with a helper from another package.
func AuditBatch(events []string) error {
	p, err := sarama.NewSyncProducer(Brokers, nil)
	if err != nil {
		return err
	}
	defer shutdown.Quietly("audit producer", p)
	for _, e := range events {
		if _, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "audit", Value: sarama.StringEncoder(e)}); err != nil {
			return err
		}
	}
	return nil
}

// MetricsLeaky opens a franz-go client per flush and never closes it.
func MetricsLeaky(ctx context.Context, points [][]byte) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(Brokers...), kgo.DefaultProduceTopic("metrics")) // want "kgo.Client cl from kgo.NewClient is never closed"
	if err != nil {
		return err
	}
	recs := make([]*kgo.Record, len(points))
	for i, p := range points {
		recs[i] = &kgo.Record{Value: p}
	}
	return cl.ProduceSync(ctx, recs...).FirstErr()
}

// Metrics closes the client.
func Metrics(ctx context.Context, points [][]byte) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers(Brokers...), kgo.DefaultProduceTopic("metrics"))
	if err != nil {
		return err
	}
	defer cl.Close()
	recs := make([]*kgo.Record, len(points))
	for i, p := range points {
		recs[i] = &kgo.Record{Value: p}
	}
	return cl.ProduceSync(ctx, recs...).FirstErr()
}

// TopicsLeaky lists topics with an admin client built from options and
// never closed: its kgo client's goroutines and connections stay.
func TopicsLeaky(ctx context.Context) ([]string, error) {
	adm, err := kadm.NewOptClient(kgo.SeedBrokers(Brokers...)) // want "kadm.Client adm from kadm.NewOptClient is never closed"
	if err != nil {
		return nil, err
	}
	details, err := adm.ListTopics(ctx)
	if err != nil {
		return nil, err
	}
	return details.Names(), nil
}

// Topics closes the admin, which closes the kgo client it wraps.
func Topics(ctx context.Context) ([]string, error) {
	cl, err := kgo.NewClient(kgo.SeedBrokers(Brokers...))
	if err != nil {
		return nil, err
	}
	adm := kadm.NewClient(cl)
	defer adm.Close()
	details, err := adm.ListTopics(ctx)
	if err != nil {
		return nil, err
	}
	return details.Names(), nil
}
