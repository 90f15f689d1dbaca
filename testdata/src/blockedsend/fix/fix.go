package fix

import (
	"context"
	"time"
)

func run(context.Context) error { return nil }

func withTimeout(ctx context.Context) error {
	errc := make(chan error)
	go func() {
		errc <- run(ctx) // want `sending on unbuffered channel errc`
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(time.Second):
		return context.DeadlineExceeded
	}
}

func twoSenders(ctx context.Context) int {
	c := make(chan int, 1)
	go func() { c <- 1 }() // want `sending on channel c \(capacity 1, 2 sends\)`
	go func() { c <- 2 }()
	select {
	case v := <-c:
		return v
	case <-ctx.Done():
		return 0
	}
}
