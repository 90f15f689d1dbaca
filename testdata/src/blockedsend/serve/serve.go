// Package serve: goroutines that send an http.Server's Serve error.
package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
)

// Fine: the goroutine sends only an error other than ErrServerClosed,
// and the ctx.Done path shuts the server down first, after which Serve
// returns ErrServerClosed (navidrome's server.Run).
func run(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{Handler: h}
	errc := make(chan error)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- err
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return srv.Shutdown(context.Background())
}

// Fine: the same with != and a deferred Close.
func runClose(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{}
	defer srv.Close()
	errc := make(chan error)
	go func() {
		if err := srv.Serve(ln); err != http.ErrServerClosed {
			errc <- err
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Reported: the ctx.Done path returns without shutting the server down,
// so Serve's eventual error has no receiver.
func runNoShutdown(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{}
	errc := make(chan error)
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			errc <- err // want `blocks forever sending on unbuffered channel errc when runNoShutdown returns through the ctx.Done\(\) case`
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Reported: the send does not test for ErrServerClosed, which Serve
// returns after Shutdown: that error is sent with no receiver.
func runUnguarded(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{}
	errc := make(chan error)
	go func() {
		errc <- srv.Serve(ln) // want `blocks forever sending on unbuffered channel errc when runUnguarded returns through the ctx.Done\(\) case`
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return srv.Shutdown(context.Background())
}

// Reported: another server is shut down, not the one the goroutine
// serves.
func runOtherShutdown(ctx context.Context, ln net.Listener, other *http.Server) error {
	srv := &http.Server{}
	errc := make(chan error)
	go func() {
		if err := srv.Serve(ln); err != http.ErrServerClosed {
			errc <- err // want `blocks forever sending on unbuffered channel errc when runOtherShutdown returns`
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return other.Shutdown(context.Background())
}
