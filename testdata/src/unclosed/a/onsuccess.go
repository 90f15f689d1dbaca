package a

import (
	"errors"

	"github.com/IBM/sarama"

	"unclosed/helpers"
)

type manager struct {
	client sarama.Client
	admin  sarama.ClusterAdmin
}

// newManager keeps the client in what it returns, and only when it
// returns a nil error (goka's newTopicManager): a caller whose call fails
// still owns the client.
func newManager(client sarama.Client) (*manager, error) {
	if !reachable() {
		return nil, errors.New("no brokers")
	}
	admin, err := sarama.NewClusterAdminFromClient(client)
	if err != nil {
		return nil, err
	}
	return &manager{client: client, admin: admin}, nil
}

// The helper's error is returned as is: when it fails, the client leaks.
func openManager(addrs []string) (*manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig()) // want `^sarama\.Client client from sarama\.NewClient is not closed when a\.newManager fails \(leaks its metadata goroutine and broker connections\)$`
	if err != nil {
		return nil, err
	}
	return newManager(client)
}

// The same, with the error checked.
func openManagerChecked(addrs []string) (*manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig()) // want `^sarama\.Client client from sarama\.NewClient is not closed when a\.newManager fails \(leaks its metadata goroutine and broker connections\)$`
	if err != nil {
		return nil, err
	}
	m, err := newManager(client)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// Fine: closed when the helper fails.
func openManagerClosing(addrs []string) (*manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	m, err := newManager(client)
	if err != nil {
		client.Close()
		return nil, err
	}
	return m, nil
}

// clientRegistry keeps clients for a later shutdown.
var clientRegistry []sarama.Client

// keepAlways registers the client before a step that may fail: on that
// failure the client stays registered, so the helper retains it on every
// path, and its callers hand it off.
func keepAlways(client sarama.Client, extra func() error) (*manager, error) {
	clientRegistry = append(clientRegistry, client)
	if err := extra(); err != nil {
		return nil, err
	}
	return &manager{client: client}, nil
}

// Fine: handed off to keepAlways.
func openKeepAlways(addrs []string) (*manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	return keepAlways(client, nil)
}

func reachable() bool { return false }

// Through another package's helper (a fact).
func openViaHelpers(addrs []string, ok bool) (*helpers.Manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig()) // want `^sarama\.Client client from sarama\.NewClient is not closed when helpers\.NewManager fails`
	if err != nil {
		return nil, err
	}
	return helpers.NewManager(client, ok)
}

// Fine: the partial Manager holds the client on the error path too.
func openPartial(addrs []string, ok bool) (*helpers.Manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	return helpers.NewManagerOrPartial(client, ok)
}

// Fine: NewManagerNoFail never fails, so the Manager holds the client on
// every path, also where its (always nil) error is checked.
func openNoFail(addrs []string) (*helpers.Manager, error) {
	client, err := sarama.NewClient(addrs, sarama.NewConfig())
	if err != nil {
		return nil, err
	}
	m, err := helpers.NewManagerNoFail(client)
	if err != nil {
		return nil, err
	}
	return m, nil
}
