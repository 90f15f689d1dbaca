// Package kgo is a stub of github.com/twmb/franz-go/pkg/kgo v1.22.2 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package kgo

import "context"

type Opt interface {
	apply(*cfg)
}

type cfg struct{}

func SeedBrokers(seeds ...string) Opt { return nil }

type Record struct {
	Key   []byte
	Value []byte
	Topic string
}

type ProduceResult struct {
	Record *Record
	Err    error
}

type ProduceResults []ProduceResult

func (rs ProduceResults) FirstErr() error { return nil }

type Client struct{}

func NewClient(opts ...Opt) (*Client, error) { return nil, nil }

func (cl *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults { return nil }

func (cl *Client) Close() {}

func (cl *Client) Ping(ctx context.Context) error { return nil }

// Fetch is one broker's response to a fetch.
type Fetch struct{}

// Fetches is a group of fetches from brokers.
type Fetches []Fetch

func (cl *Client) PollFetches(ctx context.Context) Fetches { return nil }
