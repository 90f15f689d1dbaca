// Package mongo is a stub of go.mongodb.org/mongo-driver/v2/mongo v2.9.3 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Collection is a handle to a MongoDB collection.
type Collection struct{}

// Cursor iterates over a stream of documents.
type Cursor struct{}

func (coll *Collection) Find(ctx context.Context, filter any,
	opts ...options.Lister[options.FindOptions],
) (*Cursor, error) {
	return nil, nil
}

func (c *Cursor) Next(ctx context.Context) bool              { return false }
func (c *Cursor) Decode(val any) error                       { return nil }
func (c *Cursor) Close(ctx context.Context) error            { return nil }
func (c *Cursor) All(ctx context.Context, results any) error { return nil }
