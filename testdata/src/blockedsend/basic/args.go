package basic

import (
	"context"
	"errors"
	"time"
)

func scan(ctx context.Context) (chan string, error) { return make(chan string, 1), check(ctx) }

// A function literal given its two channels as arguments sends on exactly
// one of them: whichever case the select takes, the goroutine has sent.
func resultOrError(ctx context.Context) (string, error) {
	resCh := make(chan chan string) // fine: the errCh case means the goroutine sent on errCh and returned
	errCh := make(chan error)       // fine: likewise for the resCh case
	go func(resCh chan chan string, errCh chan error) {
		res, err := scan(ctx)
		if err != nil {
			errCh <- err
			return
		}
		resCh <- res
	}(resCh, errCh)
	select {
	case err := <-errCh:
		return "", err
	case res := <-resCh:
		return <-res, nil
	}
}

// The same with a timeout: only the timeout case leaves it blocked, and
// the finding points at that return.
func resultOrErrorTimeout(ctx context.Context) (string, error) {
	resCh := make(chan chan string)
	errCh := make(chan error)
	go func(resCh chan chan string, errCh chan error) { // want `blocks forever sending on unbuffered channel resCh when resultOrErrorTimeout returns through the time.After case` `blocks forever sending on unbuffered channel errCh when resultOrErrorTimeout returns through the time.After case`
		res, err := scan(ctx)
		if err != nil {
			errCh <- err
			return
		}
		resCh <- res
	}(resCh, errCh)
	select {
	case err := <-errCh:
		return "", err
	case res := <-resCh:
		return <-res, nil
	case <-time.After(time.Minute):
		return "", errors.New("timeout")
	}
}

// An error channel handed to another goroutine as well says nothing about
// this one: the errCh case may be the other goroutine's send.
func sharedErrors(ctx context.Context) (string, error) {
	resCh := make(chan string)
	errCh := make(chan error)
	go func(resCh chan string, errCh chan error) { // want `blocks forever sending on unbuffered channel resCh when sharedErrors returns through the other case of the select`
		if err := check(ctx); err != nil {
			errCh <- err
			return
		}
		resCh <- "ok"
	}(resCh, errCh)
	go func(errCh chan error) { errCh <- check(ctx) }(errCh)
	select {
	case err := <-errCh:
		return "", err
	case res := <-resCh:
		return res, nil
	}
}
