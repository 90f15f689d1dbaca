package tests

import (
	"testing"

	"github.com/IBM/sarama"
	"github.com/stretchr/testify/require"
)

// Fine: the test requires the constructor to fail, and on that path the
// discarded client is nil.
func TestNoBrokers(t *testing.T) {
	_, err := NewClient(nil)
	require.Error(t, err)
	_, err = sarama.NewClient(nil, nil)
	require.EqualError(t, err, "kafka: client has run out of available brokers to talk to")
}

// A test that requires success and discards the client leaks it.
func TestBrokers(t *testing.T) {
	_, err := NewClient([]string{"localhost:9092"}) // want `sarama\.Client from tests\.NewClient is discarded without being closed`
	require.NoError(t, err)
}
