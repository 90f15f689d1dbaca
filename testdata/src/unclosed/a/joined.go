package a

import (
	"context"

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
