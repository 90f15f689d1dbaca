// Package rpc exercises request paths beyond net/http, gin and echo:
// fiber v2 handlers and gRPC server methods (internal/httpapi).
package rpc

import (
	"context"
	"encoding/json"

	"example.com/itemspb"
	"github.com/gofiber/fiber/v2"
)

type Order struct {
	ID  int64
	SKU []string
}

func allOrders() []Order { return nil }

func fiberOrders(c *fiber.Ctx) error {
	b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order \(any size\) on a request path`
	return c.Send(b)
}

// Fine: compact.
func fiberCompact(c *fiber.Ctx) error {
	b, _ := json.Marshal(allOrders())
	return c.Send(b)
}

type server struct {
	itemspb.UnimplementedItemsServer
}

// A gRPC server method runs once per request.
func (s *server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	b, err := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order \(any size\) on a request path`
	if err != nil {
		return nil, err
	}
	return &itemspb.ListItemsResponse{Report: b}, nil
}

type report struct{}

// Fine: not a method of a gRPC service (report implements no service
// interface), so not a request path; the document goes nowhere the pass
// follows.
func (report) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	b, err := json.MarshalIndent(allOrders(), "", "  ")
	if err != nil {
		return nil, err
	}
	return &itemspb.ListItemsResponse{Report: b}, nil
}
