// Package crosspkg starts goroutines running helpers from another package
// whose facts say they send on a parameter.
package crosspkg

import (
	"context"
	"time"

	"blockedsend/helper"
)

func viaHelper(ctx context.Context) int {
	out := make(chan int)
	go helper.Compute(3, out) // want `the goroutine running Compute blocks forever sending on unbuffered channel out when viaHelper returns through the ctx.Done\(\) case`
	select {
	case v := <-out:
		return v
	case <-ctx.Done():
		return 0
	}
}

func viaRelay() int {
	out := make(chan int)
	go helper.Relay(out) // want `the goroutine running Relay blocks forever sending on unbuffered channel out when viaRelay returns through the time.After case`
	select {
	case v := <-out:
		return v
	case <-time.After(time.Second):
		return 0
	}
}

// A method value started as a goroutine.
func viaMethodValue(ctx context.Context, w *helper.Worker) int {
	out := make(chan int)
	run := w.Run
	go run(out) // want `blocks forever sending on unbuffered channel out when viaMethodValue returns through the ctx.Done\(\) case`
	select {
	case v := <-out:
		return v
	case <-ctx.Done():
		return 0
	}
}

// A method called directly in the go statement.
func viaMethod(ctx context.Context, w *helper.Worker) int {
	out := make(chan int)
	go w.Run(out) // want `the goroutine running Run blocks forever`
	select {
	case v := <-out:
		return v
	case <-ctx.Done():
		return 0
	}
}

// Polite gives up on ctx.Done(): no fact, silent.
func viaPolite(ctx context.Context) {
	out := make(chan int) // fine: the helper's send has a ctx.Done() case
	go helper.Polite(ctx, out)
	select {
	case <-out:
	case <-ctx.Done():
	}
}

// Echo receives too: no fact, silent.
func viaEcho(ctx context.Context) {
	c := make(chan int) // fine: the helper also receives
	go helper.Echo(c)
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// A function literal with a parameter.
func literalParam(ctx context.Context) {
	c := make(chan int)
	go func(out chan<- int) { // want `the goroutine blocks forever sending on unbuffered channel c when literalParam returns through the ctx.Done\(\) case`
		out <- 1
	}(c)
	select {
	case <-c:
	case <-ctx.Done():
	}
}
