// Package onceper holds goroutines left blocked only when the process is
// about to exit, and counted loops that receive from several channels.
package onceper

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// serve is fine: the goroutine stays blocked on errc only after quit
// received an OS signal, when the process is shutting down.
func serve(srv *http.Server) error {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, os.Interrupt, syscall.SIGTERM)
	errc := make(chan error)
	go func() {
		errc <- srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-quit:
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		return srv.Shutdown(ctx)
	}
}

type server struct {
	srv  *http.Server
	quit chan os.Signal
}

// run is fine for the same reason: the signal channel is a field.
func (s *server) run() error {
	signal.Notify(s.quit, os.Interrupt)
	errc := make(chan error)
	go func() {
		errc <- s.srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-s.quit:
		return s.srv.Close()
	}
}

// serveTimeout leaks on every call that times out: a timer is no signal.
func serveTimeout(srv *http.Server) error {
	errc := make(chan error)
	go func() {
		errc <- srv.ListenAndServe() // want `the goroutine blocks forever sending on unbuffered channel errc when serveTimeout returns through the time.After case of the select`
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(time.Second):
		return srv.Close()
	}
}

// runTests is fine: it is given the *testing.M, so it runs once per test
// binary, from TestMain, which exits with its result.
func runTests(m *testing.M, ready func() error) int {
	done := make(chan error)
	go func() {
		done <- http.ListenAndServe(":0", nil)
	}()
	if err := ready(); err != nil {
		return 1
	}
	code := m.Run()
	if err := <-done; err != nil {
		return 1
	}
	return code
}

// all is fine: every worker sends once, on fail or on done, and the loop
// receives one value from either per worker, so when it runs to its end
// every send has been received.
func all(jobs []func() error) {
	fail := make(chan struct{})
	done := make(chan struct{})
	for _, job := range jobs {
		go func() {
			if job() != nil {
				fail <- struct{}{}
				return
			}
			done <- struct{}{}
		}()
	}
	for range jobs {
		select {
		case <-fail:
		case <-done:
		}
	}
}

// allN is fine for the same reason, with a counted loop.
func allN(n int, job func() error) {
	fail := make(chan struct{})
	done := make(chan struct{})
	for range n {
		go func() {
			if job() != nil {
				fail <- struct{}{}
				return
			}
			done <- struct{}{}
		}()
	}
	for range n {
		select {
		case <-fail:
		case <-done:
		}
	}
}

// firstFailure leaks: it returns at the first failure, leaving the other
// workers blocked on their sends.
func firstFailure(n int, job func() error) bool {
	fail := make(chan struct{})
	done := make(chan struct{})
	for range n {
		go func() {
			if job() != nil {
				fail <- struct{}{} // want `the goroutine blocks forever sending on unbuffered channel fail when firstFailure leaves its receiving loop early with sends still pending`
				return
			}
			done <- struct{}{} // want `the goroutine blocks forever sending on unbuffered channel done when firstFailure leaves its receiving loop early with sends still pending`
		}()
	}
	for range n {
		select {
		case <-fail:
			return false
		case <-done:
		}
	}
	return true
}

// collect is fine: the goroutine closes out only after its last send on
// errs, so when the range over out ends the goroutine has sent everything
// (a blocked send would hang collect, not leak).
func collect(items []int) []int {
	out := make(chan int)
	errs := make(chan error)
	go func() {
		for _, it := range items {
			if it < 0 {
				errs <- nil
				continue
			}
			out <- it
		}
		close(out)
	}()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	return got
}

// collectDeferred is fine for the same reason: a deferred close runs only
// once the goroutine is past every send.
func collectDeferred(items []int) []int {
	out := make(chan int)
	errs := make(chan error)
	go func() {
		defer close(out)
		for _, it := range items {
			if it < 0 {
				errs <- nil
				continue
			}
			out <- it
		}
	}()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	return got
}

// closeFirst leaks: the goroutine closes out before its send on errs, so
// the range ends while the send still waits.
func closeFirst(items []int) []int {
	out := make(chan int)
	errs := make(chan error)
	go func() {
		for _, it := range items {
			out <- it
		}
		close(out)
		errs <- nil // want `the goroutine blocks forever sending on unbuffered channel errs when closeFirst returns before receiving`
	}()
	var got []int
	for v := range out {
		got = append(got, v)
	}
	return got
}
