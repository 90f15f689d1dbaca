// Package kadm is a stub of github.com/twmb/franz-go/pkg/kadm v1.19.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package kadm

import (
	"context"

	"github.com/twmb/franz-go/pkg/kgo"
)

type Client struct {
	cl            *kgo.Client
	timeoutMillis int32
}

func NewClient(cl *kgo.Client) *Client { return &Client{cl, 15000} }

func NewOptClient(opts ...kgo.Opt) (*Client, error) { return nil, nil }

func (cl *Client) Close() {}

type TopicDetails map[string]TopicDetail

type TopicDetail struct{ Topic string }

func (cl *Client) ListTopics(ctx context.Context, topics ...string) (TopicDetails, error) {
	return nil, nil
}
