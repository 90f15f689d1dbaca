// Package kafka is a stub of github.com/segmentio/kafka-go v0.4.51 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package kafka

import (
	"context"
	"net"
)

type Message struct {
	Topic string
	Key   []byte
	Value []byte
}

type Balancer interface {
	Balance(msg Message, partitions ...int) (partition int)
}

type WriterConfig struct {
	Brokers  []string
	Topic    string
	Balancer Balancer
}

type Writer struct {
	Addr     net.Addr
	Topic    string
	Balancer Balancer
}

func NewWriter(config WriterConfig) *Writer { return nil }

func (w *Writer) Close() error { return nil }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

func TCP(address ...string) net.Addr { return nil }

type ReaderConfig struct {
	Brokers []string
	GroupID string
	Topic   string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return nil }

func (r *Reader) Close() error { return nil }

func (r *Reader) ReadMessage(ctx context.Context) (Message, error) { return Message{}, nil }

type Partition struct {
	Topic string
	ID    int
}

type Conn struct{}

func Dial(network string, address string) (*Conn, error) { return nil, nil }

func DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return nil, nil
}

func DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return nil, nil
}

func DialPartition(ctx context.Context, network string, address string, partition Partition) (*Conn, error) {
	return nil, nil
}

func (c *Conn) Close() error { return nil }

func (c *Conn) WriteMessages(msgs ...Message) (int, error) { return 0, nil }

type Dialer struct{}

func (d *Dialer) Dial(network string, address string) (*Conn, error) { return nil, nil }

func (d *Dialer) DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return nil, nil
}

func (d *Dialer) DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return nil, nil
}

func (d *Dialer) DialPartition(ctx context.Context, network string, address string, partition Partition) (*Conn, error) {
	return nil, nil
}
