// Package rpc exercises request paths beyond net/http, gin and echo:
// fiber v2 handlers and gRPC server methods (internal/httpapi).
package rpc

import (
	"context"
	"database/sql"
	"encoding/json"

	"example.com/itemspb"
	"github.com/gofiber/fiber/v2"
)

type Order struct {
	ID  int64
	SKU []string
}

// allOrders reads every row of a query: the values built from it hold rows.
func allOrders() (out []Order) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Order{})
	}
	return out
}

var store *sql.DB

func fiberOrders(c *fiber.Ctx) error {
	b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order \(rows of a query\) on a request path`
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
	b, err := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order \(rows of a query\) on a request path`
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
