// Package redis is a stub of github.com/redis/go-redis/v9 v9.23.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package redis

import "context"

// Options keeps the settings to set up redis connection.
type Options struct {
	Addr     string
	Password string
	DB       int
}

// ClusterOptions are used to configure a cluster client.
type ClusterOptions struct {
	Addrs []string
}

// Client is a Redis client representing a pool of zero or more underlying connections.
type Client struct{ cmdable }

// ClusterClient is a Redis Cluster client representing a pool of zero or more underlying connections.
type ClusterClient struct{ cmdable }

type cmdable func(ctx context.Context, cmd Cmder) error

// Cmder is a redis command.
type Cmder interface {
	Name() string
}

// StatusCmd is the result of a status command.
type StatusCmd struct{}

// StringCmd is the result of a string command.
type StringCmd struct{}

func NewClient(opt *Options) *Client { return nil }

func NewClusterClient(opt *ClusterOptions) *ClusterClient { return nil }

func (c *Client) Close() error { return nil }

func (c *ClusterClient) Close() error { return nil }

func (c cmdable) Ping(ctx context.Context) *StatusCmd { return nil }

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return nil }
