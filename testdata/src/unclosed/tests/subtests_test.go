package tests

import (
	"context"
	"testing"

	"github.com/twmb/franz-go/pkg/kgo"
)

// A client that subtests only use is still the test's to close: t.Run
// returns when the subtest has finished (tempo's distributor test).
func TestSubtestsUse(t *testing.T) {
	reader, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092")) // want `^kgo\.Client reader from kgo\.NewClient is never closed`
	if err != nil {
		t.Fatal(err)
	}
	t.Run("poll", func(t *testing.T) {
		reader.PollFetches(context.Background())
	})
}

// Fine: the subtest closes it, and t.Run waits for the subtest.
func TestSubtestCloses(t *testing.T) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("close", func(t *testing.T) {
		cl.PollFetches(context.Background())
		cl.Close()
	})
}

// Fine: a parallel subtest runs after its parent returns, so what it
// captures is handed off to it (and it may still be using the client).
func TestParallelSubtest(t *testing.T) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("parallel", func(t *testing.T) {
		t.Parallel()
		cl.PollFetches(context.Background())
	})
}

// Fine: the cleanup closes it when the test and its subtests are done.
func TestCleanupCloses(t *testing.T) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cl.Close() })
	t.Run("poll", func(t *testing.T) {
		cl.PollFetches(context.Background())
	})
}
