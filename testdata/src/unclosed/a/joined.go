package a

import (
	"context"

	"github.com/IBM/sarama"
	"github.com/twmb/franz-go/pkg/kgo"
	"golang.org/x/sync/errgroup"
)

// A closure an errgroup runs and the function waits for is used like a
// closure it calls: it borrows the client, and the client is still the
// function's to close.
func produceJoined(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092")) // want `^kgo\.Client cl from kgo\.NewClient is never closed`
	if err != nil {
		return err
	}
	g := new(errgroup.Group)
	g.Go(func() error {
		cl.ProduceSync(ctx)
		return nil
	})
	return g.Wait()
}

// Fine: the joined closure closes the client.
func closeJoined(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return err
	}
	g := new(errgroup.Group)
	g.Go(func() error {
		defer cl.Close()
		cl.ProduceSync(ctx)
		return nil
	})
	return g.Wait()
}

// Fine: nothing here waits for the group, so the goroutine may outlive
// the function and takes the client with it (whoever waits may close it).
func unjoined(ctx context.Context, g *errgroup.Group) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return err
	}
	g.Go(func() error {
		cl.ProduceSync(ctx)
		return nil
	})
	return nil
}

// kafkactl's ResetConsumerGroupOffset: the closures an errgroup runs
// borrow the consumer group and assign the function's err, the same
// variable the constructor's error went to; err = eg.Wait() then holds
// Wait's error, so its failure path is a leak, not the constructor's.
func resetOffsets(ctx context.Context, topics []string) error {
	group, err := sarama.NewConsumerGroup([]string{"localhost:9092"}, "g", sarama.NewConfig()) // want `^sarama\.ConsumerGroup group from sarama\.NewConsumerGroup is not closed on every path`
	if err != nil {
		return err
	}
	eg, _ := errgroup.WithContext(ctx)
	eg.SetLimit(100)
	for _, topic := range topics {
		topicName := topic
		eg.Go(func() error {
			err = consume(ctx, group, topicName)
			if err != nil {
				return err
			}
			return nil
		})
	}
	err = eg.Wait()
	if err != nil {
		return err
	}
	return group.Close()
}

// Fine: the same captured err, checked only right after the constructor
// (there it is the constructor's error: the group is nil), and the group
// closed on every other path.
func resetOffsetsClosed(ctx context.Context) error {
	group, err := sarama.NewConsumerGroup([]string{"localhost:9092"}, "g", sarama.NewConfig()) // fine: the err != nil return is the constructor's failure
	if err != nil {
		return err
	}
	defer group.Close()
	eg := new(errgroup.Group)
	eg.Go(func() error {
		err = consume(ctx, group, "t")
		return err
	})
	err = eg.Wait()
	return err
}

// consume borrows the group.
func consume(ctx context.Context, g sarama.ConsumerGroup, topic string) error {
	return nil
}
