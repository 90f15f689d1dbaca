package tests

import (
	"context"
	"testing"

	"cloud.google.com/go/storage"
	"github.com/IBM/sarama"
)

// TestBucket is fine: a test runs once per test binary, and an HTTP
// storage.Client's idle connections close by themselves after the idle
// timeout (vault's gcs acceptance tests).
func TestBucket(t *testing.T) {
	client, err := storage.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Bucket("b").Object("o").Attrs(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkBucket is fine for the same reason.
func BenchmarkBucket(b *testing.B) {
	client, err := storage.NewClient(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		_, _ = client.Bucket("b").Object("o").Attrs(context.Background())
	}
}

// newTestBucket is a helper that any number of tests may call: reported.
func newTestBucket(t *testing.T) *storage.ObjectHandle {
	client, err := storage.NewClient(context.Background()) // want `^storage\.Client client from storage\.NewClient is never closed`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Bucket("b").Object("o").Attrs(context.Background()); err != nil {
		t.Fatal(err)
	}
	return nil
}

// TestProducer leaks a sarama client's goroutines for the rest of the test
// binary: only a client whose cost expires by itself is exempt.
func TestProducer(t *testing.T) {
	client, err := sarama.NewClient([]string{"k:9092"}, nil) // want `^sarama\.Client client from sarama\.NewClient is never closed`
	if err != nil {
		t.Fatal(err)
	}
	if client == nil {
		t.Fatal("no client")
	}
}

// createBucket runs once per test: each caller is a TestXxx that calls it
// outside any loop (kopia's gcs tests), so its client's idle connections
// cost one test's 90 s, as in a TestXxx itself.
func createBucket(t *testing.T, name string) {
	client, err := storage.NewClient(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Bucket(name).Object("o").Attrs(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestCreateA(t *testing.T) { createBucket(t, "a") }
func TestCreateB(t *testing.T) { createBucket(t, "b") }

// perObject runs once per object of a test's loop: reported.
func perObject(t *testing.T, name string) {
	client, err := storage.NewClient(context.Background()) // want `^storage\.Client client from storage\.NewClient is never closed`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.Bucket("b").Object(name).Attrs(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestObjects(t *testing.T) {
	for _, name := range []string{"x", "y"} {
		perObject(t, name)
	}
}
