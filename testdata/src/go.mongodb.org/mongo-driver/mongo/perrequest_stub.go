// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo v1.17.10 for
// memlint's tests. This file holds what perrequest inspects.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

// Client is a handle representing a pool of connections to a MongoDB deployment.
type Client struct{}

func Connect(ctx context.Context, opts ...*options.ClientOptions) (*Client, error) { return nil, nil }

func (c *Client) Disconnect(ctx context.Context) error { return nil }
