// Package grpcserver asserts the table's view of a gRPC server: methods of
// a type implementing a generated service interface run on a request
// path, and request message getters are client input.
package grpcserver

import (
	"context"

	"example.com/itemspb"
	"google.golang.org/grpc"
)

type server struct {
	itemspb.UnimplementedItemsServer
}

func (s *server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) { // want `on request path; message req`
	_ = req.GetPageSize()               // want `input request message gRPC`
	_ = req.GetFilter().GetMaxResults() // want `input request message gRPC` `input request message gRPC`
	return nil, nil
}

// A method the service interface does not declare is not on a request path.
func (s *server) helper(req *itemspb.ListItemsRequest) {} // want `message req`

// The response message is not input.
func useResponse(resp *itemspb.ListItemsResponse) {
	_ = resp.GetNames()
}

// A type with a ListItems method that implements no service interface.
type other struct{}

func (other) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) { // want `message req`
	return nil, nil
}

func main() {
	s := grpc.NewServer()
	itemspb.RegisterItemsServer(s, &server{})
}
