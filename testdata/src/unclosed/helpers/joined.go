package helpers

import (
	"context"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"
)

// WriteJoined writes with w in an errgroup goroutine it waits for: it
// borrows w (no fact), as redpanda console's testutil.CreateTestData
// borrows its client, and its callers still own w.
func WriteJoined(ctx context.Context, w *kafka.Writer) error {
	g := new(errgroup.Group)
	g.Go(func() error {
		return w.WriteMessages(ctx)
	})
	return g.Wait()
}

// WriteDetached hands w to a goroutine nothing here waits for: the
// goroutine may outlive the call, and w goes with it.
func WriteDetached(ctx context.Context, g *errgroup.Group, w *kafka.Writer) { // want WriteDetached:"retains\\(2\\)"
	g.Go(func() error {
		return w.WriteMessages(ctx)
	})
}
