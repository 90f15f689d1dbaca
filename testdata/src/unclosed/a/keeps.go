package a

import (
	"context"

	"github.com/IBM/sarama"
)

type subscriber struct{ closing chan struct{} }

// A consumer group or consumer built from a client wraps it: closing them
// leaves the client open (sarama's FromClient constructors), so a helper
// that only builds one from its client parameter does not take the client
// over, and the caller still owns it when the helper fails.
func (s *subscriber) consume(ctx context.Context, brokers []string, group string) (closed chan struct{}, err error) {
	client, err := sarama.NewClient(brokers, nil) // want `^sarama\.Client client from sarama\.NewClient is not closed when \(\*a\.subscriber\)\.consumeGroup fails`
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	if group == "" {
		closed, err = s.consumePlain(ctx, client)
	} else {
		closed, err = s.consumeGroup(ctx, client, group)
	}
	if err != nil {
		cancel()
		return nil, err // client leaks when consumeGroup fails
	}
	go func() {
		<-closed
		client.Close()
	}()
	return closed, nil
}

func (s *subscriber) consumeGroup(ctx context.Context, client sarama.Client, id string) (chan struct{}, error) {
	group, err := sarama.NewConsumerGroupFromClient(id, client)
	if err != nil {
		return nil, err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		group.Close()
	}()
	return done, nil
}

// consumePlain closes the client on some of its failures only: what it
// does with the client is not known to its callers.
func (s *subscriber) consumePlain(ctx context.Context, client sarama.Client) (chan struct{}, error) {
	consumer, err := sarama.NewConsumerFromClient(client)
	if err != nil {
		return nil, err
	}
	partitions, err := consumer.Partitions("t")
	if err != nil {
		return nil, err
	}
	done := make(chan struct{})
	for _, p := range partitions {
		pc, err := consumer.ConsumePartition("t", p, 0)
		if err != nil {
			client.Close()
			return nil, err
		}
		go func() {
			<-ctx.Done()
			pc.Close()
		}()
	}
	return done, nil
}

// Fine: only consumePlain, which may close the client, is called.
func (s *subscriber) consumeOnlyPlain(ctx context.Context, brokers []string) (chan struct{}, error) {
	client, err := sarama.NewClient(brokers, nil)
	if err != nil {
		return nil, err
	}
	closed, err := s.consumePlain(ctx, client)
	if err != nil {
		return nil, err
	}
	go func() {
		<-closed
		client.Close()
	}()
	return closed, nil
}
