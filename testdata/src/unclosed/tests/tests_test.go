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

// Fine: the test requires the constructor to fail and asserts the client
// it returns is nil, so on the path the test accepts nothing is open.
func TestNoBrokersNilClient(t *testing.T) {
	client, err := NewClient(nil)
	require.Error(t, err)
	require.Nil(t, client)
}

// A test that asserts the client is non-nil has one open, and leaks it.
func TestBrokersNotNil(t *testing.T) {
	client, err := NewClient([]string{"localhost:9092"}) // want `sarama\.Client client from tests\.NewClient is never closed`
	require.NoError(t, err)
	require.NotNil(t, client)
}

// A nil assertion beside another use still leaks the client the other
// use sees.
func TestBrokersNilAndUsed(t *testing.T) {
	client, err := NewClient([]string{"localhost:9092"}) // want `sarama\.Client client from tests\.NewClient is never closed`
	require.NoError(t, err)
	require.Nil(t, client.Closed())
}
