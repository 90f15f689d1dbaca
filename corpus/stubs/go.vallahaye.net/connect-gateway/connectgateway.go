// Package connectgateway stands in for go.vallahaye.net/connect-gateway,
// which redpanda console's generated gateway code imports from a host the
// corpus machine cannot reach (the proxy refuses it). It declares only
// what its importers use, so they type-check; memlint never reports in it.
package connectgateway

import (
	"context"

	"connectrpc.com/connect"
)

// HandlerOption configures a unary handler.
type HandlerOption interface{ applyToHandler() }

// UnaryHandler is a gateway handler of one unary procedure.
type UnaryHandler[Req, Res any] func(context.Context, *Req) (*Res, error)

// NewUnaryHandler adapts a connect unary handler.
func NewUnaryHandler[Req, Res any](
	procedure string,
	unary func(context.Context, *connect.Request[Req]) (*connect.Response[Res], error),
	opts ...HandlerOption,
) UnaryHandler[Req, Res] {
	return nil
}

// WithInterceptors applies connect interceptors to a handler.
func WithInterceptors(interceptors ...connect.Interceptor) HandlerOption { return nil }
