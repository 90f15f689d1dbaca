package a

import (
	"context"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"unclosed/helpers"
)

// helpers.WriteJoined borrows the writer (its goroutine is joined before
// it returns): the writer is still this function's to close.
func writeThroughJoined(ctx context.Context) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers}) // want `^kafka\.Writer w from kafka\.NewWriter is never closed`
	return helpers.WriteJoined(ctx, w)
}

// Fine: helpers.WriteDetached keeps the writer in a goroutine of the
// caller's group, which outlives the call.
func writeThroughDetached(ctx context.Context, g *errgroup.Group) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers})
	helpers.WriteDetached(ctx, g, w)
}
