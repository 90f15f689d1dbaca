// Package async holds functions that return a channel a goroutine of
// theirs sends on: the caller is the receiver.
package async

import (
	"context"
	"errors"
	"time"
)

// Go runs f and delivers its error on the channel it returns.
func Go(f func() error) chan error { // want Go:`async cap\(0\) sends\(1\) everyPath\(1\)`
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

// GoBuffered is the fixed form: the send completes whoever listens.
func GoBuffered(f func() error) <-chan error { // want GoBuffered:`async cap\(1\) sends\(1\) everyPath\(1\)`
	ch := make(chan error, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

// Ticks sends until ctx ends: it gives up by itself (its send is in a
// select with ctx.Done()), so it has no fact.
func Ticks(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() {
		for i := 0; ; i++ {
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

// Maybe returns nil on one path: no fact, the caller may get no sender.
func Maybe(f func() error, on bool) chan error {
	if !on {
		return nil
	}
	ch := make(chan error)
	go func() { ch <- f() }()
	return ch
}

var errTimeout = errors.New("timeout")

// WaitTimeout leaks the goroutine of Go when the timer fires first.
func WaitTimeout(f func() error, d time.Duration) error {
	select {
	case err := <-Go(f): // want `the goroutine started by Go blocks forever sending on the unbuffered channel Go returns when WaitTimeout returns through the time.After case of the select`
		return err
	case <-time.After(d):
		return errTimeout
	}
}

// WaitNamed leaks the same way; the message names the variable.
func WaitNamed(ctx context.Context, f func() error) error {
	done := Go(f) // want `the goroutine started by Go blocks forever sending on unbuffered channel done when WaitNamed returns through the ctx.Done\(\) case of the select`
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WaitBuffered is fine: the channel holds the one send.
func WaitBuffered(f func() error, d time.Duration) error {
	select {
	case err := <-GoBuffered(f):
		return err
	case <-time.After(d):
		return errTimeout
	}
}

// Wait is fine: it always receives.
func Wait(f func() error) error {
	return <-Go(f)
}

// Keep is fine here: the channel is handed on, its receiver is elsewhere.
func Keep(f func() error) chan error {
	return Go(f)
}

// Twice sends two values on a channel with room for one.
func Twice(f func() error) chan error { // want Twice:`async cap\(1\) sends\(2\) everyPath\(2\)`
	ch := make(chan error, 1)
	go func() {
		ch <- f()
		ch <- f()
	}()
	return ch
}

// WaitTwice leaks the goroutine of Twice when the timer fires first: the
// buffer holds one of its two sends.
func WaitTwice(f func() error, d time.Duration) error {
	select {
	case err := <-Twice(f): // want `the goroutine started by Twice blocks forever sending on the channel Twice returns \(capacity 1, 2 sends\) when WaitTwice returns through the time.After case of the select`
		return err
	case <-time.After(d):
		return errTimeout
	}
}

// Attempts sends attempt numbers from a loop and closes the channel at the
// end: its caller must range to the close.
func Attempts(max int) <-chan int { // want Attempts:`async cap\(0\) sends\(\?\) everyPath\(0\)`
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := range max {
			ch <- i + 1
		}
	}()
	return ch
}

// Retry leaves its range over Attempts at the first success: the helper's
// goroutine blocks on the next attempt (minio-go's newRetryTimer).
func Retry(f func() error) error {
	var err error
	for range Attempts(5) { // want `the goroutine started by Attempts blocks forever sending on the unbuffered channel Attempts returns when Retry leaves its receiving loop early with sends still pending`
		if err = f(); err == nil {
			return nil
		}
	}
	return err
}

// RetryAll is fine: it ranges to the close.
func RetryAll(f func() error) (n int) {
	for range Attempts(5) {
		if f() != nil {
			n++
		}
	}
	return n
}
