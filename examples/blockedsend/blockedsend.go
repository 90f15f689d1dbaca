// Package blockedsend shows a goroutine left blocked forever on a channel
// send when its caller times out (the blockedsend pass), and the fixed
// forms: a buffer for the one send, or a send that gives up with the
// context.
package blockedsend

import (
	"context"
	"net/http"
	"os/exec"
	"time"
)

// FetchLeaky starts the request in a goroutine and waits for it or for ctx.
// When ctx ends first, nobody receives from done: the goroutine blocks on
// its send forever, holding the response and its own stack. LEAK.
func FetchLeaky(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result)
	go func() {
		resp, err := c.Get(url)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// FetchFixed gives done room for the one send: the goroutine finishes even
// when nobody listens any more.
func FetchFixed(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := c.Get(url)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// RunLeaky waits for a command with a timeout; on the timeout the Wait
// goroutine blocks forever on errc. LEAK.
func RunLeaky(cmd *exec.Cmd, timeout time.Duration) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	errc := make(chan error)
	go func() {
		errc <- cmd.Wait()
	}()
	select {
	case err := <-errc:
		return err
	case <-time.After(timeout):
		return cmd.Process.Kill()
	}
}

// RunFixed sends in a select with the context, so the goroutine can give
// up too.
func RunFixed(ctx context.Context, cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	errc := make(chan error)
	go func() {
		err := cmd.Wait()
		select {
		case errc <- err:
		case <-ctx.Done():
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return cmd.Process.Kill()
	}
}

// wait runs cmd.Wait in a goroutine and returns the channel its error
// arrives on: the caller is the receiver.
func wait(cmd *exec.Cmd) <-chan error {
	errc := make(chan error)
	go func() { errc <- cmd.Wait() }()
	return errc
}

// WaitLeaky waits through wait with a timeout; on the timeout the
// goroutine of wait blocks forever on its send. LEAK.
func WaitLeaky(cmd *exec.Cmd, timeout time.Duration) error {
	select {
	case err := <-wait(cmd):
		return err
	case <-time.After(timeout):
		return cmd.Process.Kill()
	}
}
