// Package asyncuser calls async's functions: their facts cross the
// package boundary.
package asyncuser

import (
	"time"

	"blockedsend/async"
)

// Run leaks the goroutine of async.Go when the timer fires first.
func Run(f func() error) error {
	t := time.NewTimer(time.Second)
	defer t.Stop()
	select {
	case err := <-async.Go(f): // want `the goroutine started by Go blocks forever sending on the unbuffered channel Go returns when Run returns through the timer case of the select`
		return err
	case <-t.C:
		return nil
	}
}

// RunBuffered is fine: async.GoBuffered's channel holds the send.
func RunBuffered(f func() error) error {
	select {
	case err := <-async.GoBuffered(f):
		return err
	case <-time.After(time.Second):
		return nil
	}
}
