// Package sarama is a stub of github.com/IBM/sarama v1.61.1 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures (interfaces list only the methods the passes look at).
package sarama

type Config struct {
	Producer struct {
		Idempotent bool
		Return     struct {
			Successes bool
			Errors    bool
		}
	}
	ClientID string
}

func NewConfig() *Config { return nil }

type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }
func (s StringEncoder) Length() int             { return len(s) }

type ProducerMessage struct {
	Topic string
	Key   Encoder
	Value Encoder
}

type ConsumerMessage struct {
	Key, Value []byte
	Topic      string
	Partition  int32
	Offset     int64
}

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	Close() error
}

type AsyncProducer interface {
	AsyncClose()
	Close() error
	Input() chan<- *ProducerMessage
}

type Client interface {
	Close() error
	Closed() bool
}

type Consumer interface {
	Partitions(topic string) ([]int32, error)
	ConsumePartition(topic string, partition int32, offset int64) (PartitionConsumer, error)
	Close() error
}

type PartitionConsumer interface {
	AsyncClose()
	Close() error
	Messages() <-chan *ConsumerMessage
}

type ConsumerGroup interface {
	Close() error
}

type ClusterAdmin interface {
	Close() error
}

func NewSyncProducer(addrs []string, config *Config) (SyncProducer, error) { return nil, nil }
func NewSyncProducerFromClient(client Client) (SyncProducer, error)        { return nil, nil }
func NewAsyncProducer(addrs []string, conf *Config) (AsyncProducer, error) { return nil, nil }
func NewAsyncProducerFromClient(client Client) (AsyncProducer, error)      { return nil, nil }
func NewClient(addrs []string, conf *Config) (Client, error)               { return nil, nil }
func NewConsumer(addrs []string, config *Config) (Consumer, error)         { return nil, nil }
func NewConsumerFromClient(client Client) (Consumer, error) {
	kept = append(kept, &nopCloserClient{client})
	return nil, nil
}
func NewConsumerGroup(addrs []string, groupID string, config *Config) (ConsumerGroup, error) {
	return nil, nil
}
func NewConsumerGroupFromClient(groupID string, client Client) (ConsumerGroup, error) {
	kept = append(kept, &nopCloserClient{client})
	return nil, nil
}

// kept stands for the consumers and groups that upstream's FromClient
// constructors return: they keep the client, wrapped so that closing them
// leaves it open.
var kept []Client

type nopCloserClient struct{ Client }

func (*nopCloserClient) Close() error { return nil }

func NewClusterAdmin(addrs []string, conf *Config) (ClusterAdmin, error) { return nil, nil }
func NewClusterAdminFromClient(client Client) (ClusterAdmin, error)      { return nil, nil }
