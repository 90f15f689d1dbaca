package a

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"
)

// A hand-off inside a closure covers the paths on which the function
// makes the closure, and no others.

type resetter struct {
	client sarama.Client
	topic  string
}

type groupRunner interface {
	Run(context.Context, *resetter) error
}

// kafkactl's ResetConsumerGroupOffset: the client goes into a struct an
// interface method takes, inside the closures an errgroup runs, but the
// return when the cluster admin cannot be made comes before any of them.
func resetWithClient(ctx context.Context, g groupRunner, topics []string) error {
	client, err := sarama.NewClient([]string{"localhost:9092"}, sarama.NewConfig()) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewClusterAdmin fails`
	if err != nil {
		return err
	}
	admin, err := sarama.NewClusterAdmin([]string{"localhost:9092"}, sarama.NewConfig())
	if err != nil {
		return err
	}
	defer admin.Close()
	eg, _ := errgroup.WithContext(ctx)
	for _, topic := range topics {
		eg.Go(func() error {
			return g.Run(ctx, &resetter{client: client, topic: topic})
		})
	}
	return eg.Wait()
}

// Fine: every path makes the closure (called in place) that stores the
// writer, as if the store were inline.
func storedByClosure(s *service) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	func() { s.w = w }()
}

// Fine: the closure is made before the writer exists and may be called
// from anywhere after (here by its receiver): it may store any writer
// the variable holds, on any path.
func closureBeforeValue(ctx context.Context, s *service, later func(func())) error {
	var w *kafka.Writer
	later(func() { s.w = w })
	w = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	if err := w.WriteMessages(ctx); err != nil {
		return err
	}
	return nil
}

// Fine: the closure is made in the loop that creates the writers: the
// next iteration's closure stores this iteration's writer, so the pass
// cannot tell which paths hand a writer off.
func closureInLoop(ctx context.Context, s *service, n int) error {
	var w *kafka.Writer
	for i := 0; i < n; i++ {
		if i > 0 {
			func() { s.w = w }()
		}
		w = kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
		if err := w.WriteMessages(ctx); err != nil {
			return err
		}
	}
	return nil
}

// The closure stores the writer only on the branch that makes it: the
// other branch returns with the writer open.
func storedOnOneBranch(s *service, keep bool) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `^kafka\.Writer w from kafka\.NewWriter is not closed on every path`
	if keep {
		func() { s.w = w }()
	}
}
