// Package transport is a generic handler framework shaped like
// OpenMeter's httptransport: a handler decodes its request with a
// RequestDecoder[Req] its ServeHTTP calls with the request, and a
// handler with arguments wraps a RequestDecoderWithArgs in such a
// decoder, so only a decoder literal calls it.
package transport

import (
	"context"
	"net/http"
)

// RequestDecoder decodes a request: a handler's, since ServeHTTP calls it
// with its own request.
type RequestDecoder[Req any] func(ctx context.Context, r *http.Request) (Req, error) // want RequestDecoder:"adaptedHandler"

// RequestDecoderWithArgs decodes a request given an argument: only a
// RequestDecoder literal calls it, with that literal's request.
type RequestDecoderWithArgs[Req, A any] func(ctx context.Context, r *http.Request, arg A) (Req, error) // want RequestDecoderWithArgs:"adaptedHandler"

// Operation runs a decoded request.
type Operation[Req any] func(ctx context.Context, req Req) error

// Handler serves one operation.
type Handler[Req any] struct {
	decode RequestDecoder[Req]
	op     Operation[Req]
}

// NewHandler returns a handler.
func NewHandler[Req any](decode RequestDecoder[Req], op Operation[Req]) Handler[Req] {
	return Handler[Req]{decode: decode, op: op}
}

// ServeHTTP decodes the request and runs the operation.
func (h Handler[Req]) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := h.decode(r.Context(), r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if err := h.op(r.Context(), req); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// HandlerWithArgs is a handler waiting for its argument.
type HandlerWithArgs[Req, A any] struct {
	handler Handler[Req]
	decode  RequestDecoderWithArgs[Req, A]
}

// NewHandlerWithArgs returns a handler with arguments.
func NewHandlerWithArgs[Req, A any](decode RequestDecoderWithArgs[Req, A], op Operation[Req]) HandlerWithArgs[Req, A] {
	return HandlerWithArgs[Req, A]{handler: Handler[Req]{op: op}, decode: decode}
}

// With binds the argument.
func (h HandlerWithArgs[Req, A]) With(arg A) Handler[Req] {
	res := h.handler
	res.decode = func(ctx context.Context, r *http.Request) (Req, error) {
		return h.decode(ctx, r, arg)
	}
	return res
}
