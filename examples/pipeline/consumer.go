package pipeline

import (
	"context"
	"time"

	"github.com/IBM/sarama"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	kafkago "github.com/segmentio/kafka-go"
)

// Handler processes one message.
type Handler func(key, value []byte) error

// ConsumeLeaky reads until the handler fails and returns without closing
// the reader: its fetch goroutines and connections outlive the call.
func ConsumeLeaky(ctx context.Context, h Handler) error {
	r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: Brokers, GroupID: "thumbs", Topic: "uploads"}) // want "kafka.Reader r from kafka.NewReader is not closed when"
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			break
		}
		if err := h(m.Key, m.Value); err != nil {
			return err
		}
	}
	return r.Close()
}

// Consume closes the reader however the loop ends.
func Consume(ctx context.Context, h Handler) error {
	r := kafkago.NewReader(kafkago.ReaderConfig{Brokers: Brokers, GroupID: "thumbs", Topic: "uploads"})
	defer r.Close()
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := h(m.Key, m.Value); err != nil {
			return err
		}
	}
}

// ReplayLeaky opens a partition consumer per partition in a loop and
// closes them with defer: all of them stay open until every partition has
// been replayed.
func ReplayLeaky(c sarama.Consumer, topic string, partitions []int32, h Handler) error {
	for _, p := range partitions {
		pc, err := c.ConsumePartition(topic, p, sarama.OffsetOldest) // want "sarama.PartitionConsumer pc from sarama.Consumer.ConsumePartition is closed by a defer inside the loop"
		if err != nil {
			return err
		}
		defer pc.Close()
		if err := replay(pc, h); err != nil {
			return err
		}
	}
	return nil
}

// Replay closes each partition consumer before opening the next.
func Replay(c sarama.Consumer, topic string, partitions []int32, h Handler) error {
	for _, p := range partitions {
		pc, err := c.ConsumePartition(topic, p, sarama.OffsetOldest)
		if err != nil {
			return err
		}
		err = replay(pc, h)
		pc.AsyncClose()
		if err != nil {
			return err
		}
	}
	return nil
}

func replay(pc sarama.PartitionConsumer, h Handler) error {
	for {
		select {
		case m := <-pc.Messages():
			if err := h(m.Key, m.Value); err != nil {
				return err
			}
		case <-time.After(time.Second):
			return nil
		}
	}
}

// PollLeaky creates a confluent consumer and loses it when the
// subscription fails.
func PollLeaky(topic string, h Handler) error {
	c, err := kafka.NewConsumer(&kafka.ConfigMap{"bootstrap.servers": Brokers[0], "group.id": "poll"}) // want "kafka.Consumer c from kafka.NewConsumer is not closed when c.SubscribeTopics fails"
	if err != nil {
		return err
	}
	if err := c.SubscribeTopics([]string{topic}, nil); err != nil {
		return err
	}
	defer c.Close()
	return poll(c, h)
}

// Poll closes the consumer on every path.
func Poll(topic string, h Handler) error {
	c, err := kafka.NewConsumer(&kafka.ConfigMap{"bootstrap.servers": Brokers[0], "group.id": "poll"})
	if err != nil {
		return err
	}
	defer c.Close()
	if err := c.SubscribeTopics([]string{topic}, nil); err != nil {
		return err
	}
	return poll(c, h)
}

func poll(c *kafka.Consumer, h Handler) error {
	for i := 0; i < 100; i++ {
		m, err := c.ReadMessage(100 * time.Millisecond)
		if err != nil {
			continue
		}
		if err := h(m.Key, m.Value); err != nil {
			return err
		}
	}
	return nil
}

// NewProducer returns a confluent producer for the caller to close: a
// hand-off, not a leak.
func NewProducer() (*kafka.Producer, error) { // want NewProducer:"constructs\\(github.com/confluentinc/confluent-kafka-go/kafka.NewProducer\\)"
	return kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": Brokers[0]})
}
