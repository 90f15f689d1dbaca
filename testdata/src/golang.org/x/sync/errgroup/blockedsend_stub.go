// Declarations of golang.org/x/sync/errgroup v0.24.0 used by the
// blockedsend pass's tests, with the upstream signatures.

package errgroup

import "context"

type Group struct {
	cancel func(error)
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Wait() error { return nil }

func (g *Group) Go(f func() error) { go f() }

func (g *Group) TryGo(f func() error) bool { go f(); return true }

func (g *Group) SetLimit(n int) {}
