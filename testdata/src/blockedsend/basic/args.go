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

// object is plain data however deep: time.Time's zones lie five levels
// down (chartmuseum's storage.Object, given to a goroutine per chart).
type object struct {
	Path         string
	Content      []byte
	LastModified time.Time
}

// A goroutine per object sends its result; the first error returns and
// leaves the others blocked (chartmuseum's addIndexObjectsAsync).
func fanInObjects(objects []object) error {
	errc := make(chan error)
	for _, o := range objects {
		go func(o object) {
			errc <- check2(o.Path) // want `the goroutine blocks forever sending on unbuffered channel errc when fanInObjects leaves its receiving loop early with sends still pending`
		}(o)
	}
	for range objects {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// chain refers to itself: plain data all the same.
type chain struct {
	next *chain
	name string
}

func fanInChain(items []chain) error {
	errc := make(chan error)
	for _, it := range items {
		go func(c chain) {
			errc <- check2(c.name) // want `the goroutine blocks forever sending on unbuffered channel errc when fanInChain leaves its receiving loop early with sends still pending`
		}(it)
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// deepChan holds a channel five levels down: the goroutine is given a
// channel, another shape the pass does not follow (it may receive on it).
type deepChan struct {
	a struct {
		b struct {
			c struct {
				d struct{ stop chan error }
			}
		}
	}
}

func fanInDeepChan(items []deepChan) error {
	errc := make(chan error)
	for _, it := range items {
		go func(n deepChan) { // fine: n carries a channel, not followed
			errc <- check2("")
			<-n.a.b.c.d.stop
		}(it)
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// linked refers to itself and carries a channel: not followed either.
type linked struct {
	next *linked
	done chan struct{}
}

func fanInLinked(items []linked) error {
	errc := make(chan error)
	for _, it := range items {
		go func(l linked) { // fine: l carries a channel, not followed
			errc <- check2("")
			l.next.done <- struct{}{}
		}(it)
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}
