// Package grpc is a stub of google.golang.org/grpc v1.84.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures. This file holds the client side (perrequest).
package grpc

import "context"

// ClientConn represents a virtual connection to a conceptual endpoint.
type ClientConn struct{}

// DialOption configures how we set up the connection.
type DialOption interface {
	apply(*dialOptions)
}

type dialOptions struct{}

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) { return nil, nil }

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return nil, nil }

func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return nil, nil
}

func (cc *ClientConn) Close() error { return nil }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

// CallOption configures a Call before it starts or extracts information from
// a Call after it completes.
type CallOption interface {
	before(*callInfo) error
}

type callInfo struct{}
