// Package ctors holds constructor wrappers in another package than their
// callers: their constructs facts must reach the callers in unclosed/a.
package ctors

import "github.com/IBM/sarama"

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
