package a

import (
	"context"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kgo"
)

// An admin client from options owns its kgo client: never closed, it
// leaks it.
func kadmOpt(ctx context.Context) error {
	adm, err := kadm.NewOptClient(kgo.SeedBrokers("localhost:9092")) // want `^kadm\.Client adm from kadm\.NewOptClient is never closed`
	if err != nil {
		return err
	}
	_, err = adm.ListTopics(ctx)
	return err
}

// Fine: the admin's Close closes the kgo client it wraps (kadm: "Close
// closes the underlying *kgo.Client").
func kadmWraps(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return err
	}
	adm := kadm.NewClient(cl)
	defer adm.Close()
	_, err = adm.ListTopics(ctx)
	return err
}

// Both dropped: the kgo client leaks, and so does the admin that wraps it
// (redpanda console's testutil.CreateClients callers).
func kadmDropped(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092")) // want `^kgo\.Client cl from kgo\.NewClient is never closed`
	if err != nil {
		return err
	}
	adm := kadm.NewClient(cl)
	_, err = adm.ListTopics(ctx)
	return err
}

// CreateClients returns a kgo client and the admin over it (redpanda
// console's testutil.CreateClients): its callers own both.
func CreateClients() (*kgo.Client, *kadm.Client) { // want CreateClients:`constructs\(github.com/twmb/franz-go/pkg/kgo.NewClient\) aliases\[1\]`
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		panic(err)
	}
	return cl, kadm.NewClient(cl)
}

func usesCreated(ctx context.Context) {
	cl, adm := CreateClients() // want `^kgo\.Client cl from a\.CreateClients is never closed`
	cl.Ping(ctx)
	adm.ListTopics(ctx)
}

// Only the admin is kept: it holds the client, and leaks it.
func adminOnly(ctx context.Context) {
	_, adm := CreateClients() // want `^kgo\.Client from a\.CreateClients is never closed`
	adm.ListTopics(ctx)
}

// Fine: closing the admin closes the client.
func closesAdmin(ctx context.Context) {
	cl, adm := CreateClients()
	defer adm.Close()
	cl.Ping(ctx)
	adm.ListTopics(ctx)
}
