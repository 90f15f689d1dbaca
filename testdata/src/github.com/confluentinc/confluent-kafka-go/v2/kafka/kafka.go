// Package kafka is a stub of github.com/confluentinc/confluent-kafka-go/v2/kafka
// v2.11.1 for memlint's tests: it declares only what memlint's passes inspect,
// with the upstream signatures.
package kafka

import "time"

type ConfigValue interface{}

type ConfigMap map[string]ConfigValue

type Event interface {
	String() string
}

type TopicPartition struct {
	Topic       *string
	Partition   int32
	Offset      Offset
	Metadata    *string
	Error       error
	LeaderEpoch *int32 // LeaderEpoch or nil if not available
}

// Offset is a partition offset; OffsetBeginning is the earliest.
type Offset int64

const OffsetBeginning = Offset(-2)

type Message struct {
	TopicPartition TopicPartition
	Value          []byte
	Key            []byte
}

type Producer struct{}

func NewProducer(conf *ConfigMap) (*Producer, error) { return nil, nil }

func (p *Producer) Produce(msg *Message, deliveryChan chan Event) error { return nil }
func (p *Producer) Flush(timeoutMs int) int                             { return 0 }
func (p *Producer) Close()                                              {}

type Consumer struct{}

type RebalanceCb func(*Consumer, Event) error

func NewConsumer(conf *ConfigMap) (*Consumer, error) { return nil, nil }

func (c *Consumer) SubscribeTopics(topics []string, rebalanceCb RebalanceCb) (err error) { return nil }
func (c *Consumer) Assign(partitions []TopicPartition) (err error)                       { return nil }
func (c *Consumer) ReadMessage(timeout time.Duration) (*Message, error)                  { return nil, nil }
func (c *Consumer) Close() (err error)                                                   { return nil }

type AdminClient struct{}

func NewAdminClient(conf *ConfigMap) (*AdminClient, error) { return nil, nil }

func (a *AdminClient) Close() {}
