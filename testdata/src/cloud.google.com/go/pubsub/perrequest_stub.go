// Package pubsub is a stub of cloud.google.com/go/pubsub v1.52.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package pubsub

import (
	"context"

	"google.golang.org/api/option"
)

// Client is a Google Pub/Sub client scoped to a single project.
type Client struct{}

// Topic is a reference to a Pub/Sub topic.
type Topic struct{}

func NewClient(ctx context.Context, projectID string, opts ...option.ClientOption) (c *Client, err error) {
	return nil, nil
}

func (c *Client) Close() error { return nil }

func (c *Client) Topic(id string) *Topic { return nil }
