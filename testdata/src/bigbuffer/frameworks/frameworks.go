// Package frameworks exercises request paths beyond net/http, gin and
// echo: fiber v2 handlers, echo v5 handlers and gRPC server methods
// (internal/httpapi).
package frameworks

import (
	"context"

	"example.com/itemspb"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v5"
)

func fiberHandler(c *fiber.Ctx) error {
	buf := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per request`
	return c.Send(buf)
}

func echoV5Handler(c *echo.Context) error {
	buf := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per request`
	_ = buf
	return nil
}

func routes() []func(*fiber.Ctx) error {
	return []func(*fiber.Ctx) error{
		func(c *fiber.Ctx) error {
			buf := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per request`
			return c.Send(buf)
		},
	}
}

type server struct {
	itemspb.UnimplementedItemsServer
}

func (s *server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	buf := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per request`
	return &itemspb.ListItemsResponse{Report: buf}, nil
}

type cache struct{}

// Fine: not a gRPC service method (cache implements no service
// interface), so it runs as often as its caller decides.
func (cache) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	buf := make([]byte, 8<<20)
	return &itemspb.ListItemsResponse{Report: buf}, nil
}

// Fine: a helper of the server without a request holder parameter.
func (s *server) warm() []byte {
	return make([]byte, 8<<20)
}
