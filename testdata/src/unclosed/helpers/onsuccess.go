package helpers

import (
	"errors"

	"github.com/IBM/sarama"
)

// Manager holds a client.
type Manager struct{ client sarama.Client }

// NewManager keeps the client in the Manager it returns, only when it
// returns a nil error: a caller whose call fails still owns the client.
func NewManager(client sarama.Client, ok bool) (*Manager, error) { // want NewManager:"retainsOnSuccess\\(0\\)"
	if !ok {
		return nil, errors.New("no brokers")
	}
	return &Manager{client: client}, nil
}

// clients keeps clients for a later shutdown.
var clients []sarama.Client

// Register keeps the client before a step that may fail: kept on every
// path.
func RegisterClient(client sarama.Client, ok bool) (*Manager, error) { // want RegisterClient:"retains\\(0\\)"
	clients = append(clients, client)
	if !ok {
		return nil, errors.New("no brokers")
	}
	return &Manager{client: client}, nil
}

// NewManagerOrPartial returns a Manager holding the client even with an
// error: kept on every path.
func NewManagerOrPartial(client sarama.Client, ok bool) (*Manager, error) { // want NewManagerOrPartial:"returns\\(0\\)"
	m := &Manager{client: client}
	if !ok {
		return m, errors.New("partial")
	}
	return m, nil
}

// NewManagerNoFail keeps the client and never fails (its error is always
// nil): kept on every path, so a caller that checks the error and gives
// up owns nothing (tempo's newPartitionReader).
func NewManagerNoFail(client sarama.Client) (*Manager, error) { // want NewManagerNoFail:"retains\\(0\\)"
	return &Manager{client: client}, nil
}
