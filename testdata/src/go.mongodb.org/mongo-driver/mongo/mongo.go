// Package mongo is a stub of go.mongodb.org/mongo-driver/mongo v1.17.10 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package mongo

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo/options"
)

// Collection is a handle to a MongoDB collection.
type Collection struct{}

// Cursor iterates over a stream of documents.
type Cursor struct{}

// SingleResult is the result of FindOne.
type SingleResult struct{}

func (coll *Collection) Find(ctx context.Context, filter interface{},
	opts ...*options.FindOptions) (cur *Cursor, err error) {
	return nil, nil
}

func (coll *Collection) FindOne(ctx context.Context, filter interface{},
	opts ...*options.FindOneOptions) *SingleResult {
	return nil
}

func (c *Cursor) Next(ctx context.Context) bool                      { return false }
func (c *Cursor) Decode(val interface{}) error                       { return nil }
func (c *Cursor) Close(ctx context.Context) error                    { return nil }
func (c *Cursor) All(ctx context.Context, results interface{}) error { return nil }
