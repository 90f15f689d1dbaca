// Package grpcsrv: a gRPC server method is a request path (internal/httpapi).
package grpcsrv

import (
	"context"

	"example.com/itemspb"
	kafka "github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
)

type server struct {
	itemspb.UnimplementedItemsServer
	w *kafka.Writer
}

func register(s *grpc.Server) {
	itemspb.RegisterItemsServer(s, &server{})
}

// ListItems builds a writer per call, as in a public producer service.
func (s *server) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	w := kafka.NewWriter(kafka.WriterConfig{Topic: "items"}) // want `kafka.Writer from kafka.NewWriter is built per request`
	defer w.Close()
	if err := w.WriteMessages(ctx, kafka.Message{}); err != nil {
		return nil, err
	}
	// The right form: the server's shared writer.
	s.w.WriteMessages(ctx, kafka.Message{})
	return &itemspb.ListItemsResponse{}, nil
}
