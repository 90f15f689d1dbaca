// Package idempotent sets a sarama config's Producer.Idempotent: a
// producer built over a client may then fail when the broker refuses it a
// producer ID, so its failure path is followed.
package idempotent

import "github.com/IBM/sarama"

type target struct {
	client   sarama.Client
	producer sarama.SyncProducer
}

func exactlyOnce(cfg *sarama.Config) {
	cfg.Producer.Idempotent = true
}

// The package makes idempotent producers: NewSyncProducerFromClient may
// fail on InitProducerID, and the client leaks then.
func (t *target) init(addrs []string) error {
	config := sarama.NewConfig()
	config.Producer.Return.Successes = true
	client, err := sarama.NewClient(addrs, config) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewSyncProducerFromClient fails \(`
	if err != nil {
		return err
	}
	producer, err := sarama.NewSyncProducerFromClient(client)
	if err != nil {
		return err
	}
	t.client = client
	t.producer = producer
	return nil
}
