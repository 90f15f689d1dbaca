// Package grpc is a stub of google.golang.org/grpc v1.85.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. This file holds the server side; other files of the package
// may hold other declarations.
package grpc

// ServiceDesc represents an RPC service's specification (a subset of its
// fields).
type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Metadata    any
}

// ServiceRegistrar wraps a single method that supports service
// registration; generated Register…Server functions take one.
type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

// Server is a gRPC server.
type Server struct{}

// ServerOption sets options such as credentials, codec and keepalive parameters.
type ServerOption interface {
	apply(*serverOptions)
}

type serverOptions struct{}

// NewServer creates a gRPC server which has no service registered.
func NewServer(opt ...ServerOption) *Server { return &Server{} }

// RegisterService registers a service and its implementation to the gRPC server.
func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}
