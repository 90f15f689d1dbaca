// Package fromclient tests sarama producers built over a client that
// cannot fail: their failure path leaks nothing because it is never
// taken (minio's Kafka targets).
package fromclient

import (
	"errors"

	"github.com/IBM/sarama"
)

type target struct {
	config   *sarama.Config
	client   sarama.Client
	producer sarama.SyncProducer
	async    sarama.AsyncProducer
}

func ping() error { return errors.New("unreachable") }

// setAuth only sets fields of the config it is given.
func setAuth(cfg *sarama.Config, id string) {
	cfg.ClientID = id
}

// Fine: NewSyncProducerFromClient cannot fail over a fresh client whose
// config sets Return.Successes (Errors defaults to true, nothing sets
// Idempotent), so the return after it is never taken.
func (t *target) initSync(addrs []string) error {
	config := sarama.NewConfig()
	config.Producer.Return.Successes = true
	config.Producer.Return.Errors = true
	setAuth(config, "minio")
	t.config = config
	client, err := sarama.NewClient(addrs, config)
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

// Fine: an async producer needs no Return setting to succeed.
func (t *target) initAsync(addrs []string) error {
	config := sarama.NewConfig()
	client, err := sarama.NewClient(addrs, config)
	if err != nil {
		return err
	}
	producer, err := sarama.NewAsyncProducerFromClient(client)
	if err != nil {
		return err
	}
	t.client = client
	t.async = producer
	return nil
}

// Return.Successes is left false: NewSyncProducerFromClient always fails
// and the client leaks.
func (t *target) initNoSuccesses(addrs []string) error {
	config := sarama.NewConfig()
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

// Return.Successes is set on one path only.
func (t *target) initSuccessesSometimes(addrs []string, sync bool) error {
	config := sarama.NewConfig()
	if sync {
		config.Producer.Return.Successes = true
	}
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

// The config comes from the caller: its settings are not visible here.
func (t *target) initGivenConfig(addrs []string, config *sarama.Config) error {
	config.Producer.Return.Successes = true
	client, err := sarama.NewClient(addrs, config) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewAsyncProducerFromClient fails \(`
	if err != nil {
		return err
	}
	producer, err := sarama.NewAsyncProducerFromClient(client)
	if err != nil {
		return err
	}
	t.client = client
	t.async = producer
	return nil
}

// The config goes to a function value, which may set anything.
func (t *target) initConfigured(addrs []string, configure func(*sarama.Config)) error {
	config := sarama.NewConfig()
	configure(config)
	client, err := sarama.NewClient(addrs, config) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewAsyncProducerFromClient fails \(`
	if err != nil {
		return err
	}
	producer, err := sarama.NewAsyncProducerFromClient(client)
	if err != nil {
		return err
	}
	t.client = client
	t.async = producer
	return nil
}

// The producer cannot fail, but a later step can: the client (and the
// producer) leak there.
func (t *target) initThenCheck(addrs []string) error {
	config := sarama.NewConfig()
	config.Producer.Return.Successes = true
	client, err := sarama.NewClient(addrs, config) // want `^sarama\.Client client from sarama\.NewClient is not closed when fromclient\.ping fails \(`
	if err != nil {
		return err
	}
	producer, err := sarama.NewSyncProducerFromClient(client) // want `^sarama\.SyncProducer producer from sarama\.NewSyncProducerFromClient is not closed when fromclient\.ping fails \(`
	if err != nil {
		return err
	}
	if err := ping(); err != nil {
		return err
	}
	t.client = client
	t.producer = producer
	return nil
}
