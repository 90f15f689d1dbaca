package basic

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type Result struct{ Body []byte }

func get(string) *Result           { return nil }
func check(context.Context) error  { return nil }
func prepare() error               { return nil }
func use(any)                      {}
func work(ctx context.Context) int { return 0 }

// The select's ctx.Done() case returns: the sender blocks forever.
func selectCtx(ctx context.Context, url string) (*Result, error) {
	done := make(chan *Result)
	go func() {
		done <- get(url) // want `the goroutine blocks forever sending on unbuffered channel done when selectCtx returns through the ctx.Done\(\) case of the select \(leaks the goroutine, its stack of 2 KiB or more and everything it references\)`
	}()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// The time.After timeout returns (opentelemetry-collector-contrib #1505).
func doWithTimeout(timeout time.Duration, do func() error) (bool, error) {
	done := make(chan error)
	go func() {
		done <- do() // want `sending on unbuffered channel done when doWithTimeout returns through the time.After case`
	}()
	select {
	case <-time.After(timeout):
		return false, nil
	case err := <-done:
		return true, err
	}
}

// A timer's channel case (sliver #1089, health-go #224).
func timer(d time.Duration) bool {
	res := make(chan bool)
	go func() {
		res <- true // want `sending on unbuffered channel res when timer returns through the timer case`
	}()
	t := time.NewTimer(d)
	select {
	case <-t.C:
		return false
	case v := <-res:
		return v
	}
}

// An early return on an error before the receive.
func earlyReturn(ctx context.Context) error {
	errc := make(chan error)
	go func() {
		errc <- check(ctx) // want `sending on unbuffered channel errc when earlyReturn returns early when prepare fails`
	}()
	if err := prepare(); err != nil {
		return err
	}
	return <-errc
}

// A receiving loop that returns on ctx.Done() while senders remain.
func loopCtx(ctx context.Context, urls []string) ([]*Result, error) {
	out := make(chan *Result)
	for _, u := range urls {
		go func() {
			out <- get(u) // want `sending on unbuffered channel out when loopCtx returns through the ctx.Done\(\) case`
		}()
	}
	var rs []*Result
	for range urls {
		select {
		case r := <-out:
			rs = append(rs, r)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return rs, nil
}

// A buffer of one for two sends made on every path: the second blocks.
func tooSmall(ctx context.Context) int {
	c := make(chan int, 1)
	go func() {
		c <- 1
		c <- 2 // want `sending on channel c \(capacity 1, 2 sends\) when tooSmall returns through the ctx.Done\(\) case`
	}()
	select {
	case v := <-c:
		return v
	case <-ctx.Done():
		return 0
	}
}

// errgroup.Go starts the goroutine; the function returns before Wait.
func errgroupEarly(ctx context.Context) error {
	var g errgroup.Group
	res := make(chan int)
	g.Go(func() error {
		res <- work(ctx) // want `the goroutine started by Go blocks forever sending on unbuffered channel res when errgroupEarly returns early when prepare fails`
		return nil
	})
	if err := prepare(); err != nil {
		return err
	}
	use(<-res)
	return g.Wait()
}

// Generic function: the element type does not matter.
func generic[T any](ctx context.Context, f func() T) (T, error) {
	ch := make(chan T)
	go func() {
		ch <- f() // want `sending on unbuffered channel ch when generic returns through the ctx.Done\(\) case`
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// A function literal F: the leak is inside it (health-go #224).
func nested(ctx context.Context, checks []func(context.Context) error) {
	var wg sync.WaitGroup
	for _, c := range checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resCh := make(chan error)
			go func() {
				resCh <- c(ctx) // want `sending on unbuffered channel resCh when the function literal in nested returns through the time.After case`
			}()
			select {
			case <-time.After(time.Second):
			case err := <-resCh:
				use(err)
			}
		}()
	}
	wg.Wait()
}

// ---- Negatives ----

// Buffered for its one send: the fix.
func buffered(ctx context.Context, url string) (*Result, error) {
	done := make(chan *Result, 1) // fine: the send completes without a receiver
	go func() { done <- get(url) }()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// The sender gives up on ctx.Done() too.
func politeSender(ctx context.Context, url string) (*Result, error) {
	done := make(chan *Result) // fine: the send is in a select with ctx.Done()
	go func() {
		select {
		case done <- get(url):
		case <-ctx.Done():
		}
	}()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// A non-blocking send: the default case.
func nonBlocking(ctx context.Context) {
	done := make(chan int) // fine: the send has a default case
	go func() {
		select {
		case done <- 1:
		default:
		}
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// Every path receives.
func alwaysReceives(url string) *Result {
	done := make(chan *Result) // fine: no path returns without receiving
	go func() { done <- get(url) }()
	return <-done
}

// The timeout case drains the channel before returning.
func drainsOnTimeout(ctx context.Context) error {
	errc := make(chan error) // fine: the ctx.Done() case waits for the send
	go func() { errc <- check(ctx) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		<-errc
		return ctx.Err()
	}
}

// A deferred drain registered before the goroutine starts.
func deferredDrain(ctx context.Context) error {
	errc := make(chan error) // fine: the deferred closure receives on every return
	defer func() { <-errc }()
	go func() { errc <- check(ctx) }()
	if err := prepare(); err != nil {
		return err
	}
	return nil
}

// WaitGroup.Wait before the return: the send was received, or the function
// deadlocks; it cannot return and leave the goroutine behind.
func waitGroup(ctx context.Context) error {
	var wg sync.WaitGroup
	errc := make(chan error) // fine: wg.Wait on the way out
	wg.Add(1)
	go func() {
		defer wg.Done()
		errc <- check(ctx)
	}()
	if err := prepare(); err != nil {
		wg.Wait()
		return err
	}
	err := <-errc
	wg.Wait()
	return err
}

// errgroup.Wait on every path.
func errgroupWait(ctx context.Context) error {
	g, ctx := errgroup.WithContext(ctx)
	res := make(chan int) // fine: g.Wait() before each return
	g.Go(func() error {
		res <- work(ctx)
		return nil
	})
	if err := prepare(); err != nil {
		_ = g.Wait()
		return err
	}
	use(<-res)
	return g.Wait()
}

// The channel is returned: the caller receives (callers are judged by the
// function's fact, see blockedsend/async).
func returned(url string) <-chan *Result { // want returned:`async cap\(0\) sends\(1\) everyPath\(1\)`
	done := make(chan *Result) // fine here: escapes to the caller
	go func() { done <- get(url) }()
	return done
}

var keep chan int

// The channel is stored in a global.
func stored(ctx context.Context) {
	c := make(chan int) // fine: escapes to a global
	keep = c
	go func() { c <- 1 }()
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// Another goroutine receives.
func otherReceiver(ctx context.Context) {
	c := make(chan int) // fine: a second goroutine may receive
	go func() { c <- 1 }()
	go func() { use(<-c) }()
	select {
	case <-ctx.Done():
	case <-time.After(time.Second):
	}
}

// Sender in a loop closing the channel, drained by a range loop.
func rangeDrain() int {
	c := make(chan int) // fine: the range receives until close
	go func() {
		defer close(c)
		for i := 0; i < 3; i++ {
			c <- i
		}
	}()
	sum := 0
	for v := range c {
		sum += v
	}
	return sum
}

// A buffer of two for two goroutines.
func enoughBuffer(ctx context.Context) {
	c := make(chan int, 2) // fine: capacity covers both sends
	go func() { c <- 1 }()
	go func() { c <- 2 }()
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// A buffer of one and a send on one branch only.
func conditionalBuffered(ctx context.Context, ok bool) {
	c := make(chan int, 1) // fine: at most one send per path fits the buffer
	go func() {
		if ok {
			c <- 1
		} else {
			c <- 2
		}
	}()
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// The capacity is not a constant: unknown, silent.
func dynamicCap(ctx context.Context, n int) {
	c := make(chan int, n) // fine: capacity unknown
	go func() { c <- 1 }()
	select {
	case <-c:
	case <-ctx.Done():
	}
}

// The goroutine only closes the channel: close never blocks.
func closeOnly(ctx context.Context) error {
	done := make(chan struct{}) // fine: no send
	go func() {
		defer close(done)
		use(check(ctx))
	}()
	select {
	case <-done:
		return nil
	case <-time.After(time.Second):
		return errors.New("timeout")
	}
}

// main.main is not checked: the process ends when it returns.

// A producer sending every item; the consumer returns on the first error
// and the producer blocks on its next send.
func producerConsumer(items []string) error {
	results := make(chan error)
	go func() {
		defer close(results)
		for _, it := range items {
			results <- check2(it) // want `the goroutine blocks forever sending on unbuffered channel results when producerConsumer leaves its receiving loop early with sends still pending`
		}
	}()
	for err := range results {
		if err != nil {
			return err
		}
	}
	return nil
}

func check2(string) error { return nil }

// producerDrained is fine: after leaving the range early it drains the
// channel, so the producer runs to its close.
func producerDrained(items []string) error {
	results := make(chan error)
	go func() {
		defer close(results)
		for _, it := range items {
			results <- check2(it)
		}
	}()
	var first error
	for err := range results {
		if err != nil {
			first = err
			break
		}
	}
	for range results {
	}
	return first
}

// producerGivesUp is fine: the producer's send is in a select with a case
// on the context that the consumer cancels when it returns.
func producerGivesUp(ctx context.Context, items []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make(chan error)
	go func() {
		defer close(results)
		for _, it := range items {
			select {
			case results <- check2(it):
			case <-ctx.Done():
				return
			}
		}
	}()
	for err := range results {
		if err != nil {
			return err
		}
	}
	return nil
}

// producerPerItem is fine: the channel is made afresh for each item, and
// its producer sends once, received before the loop goes on.
func producerPerItem(items []string) error {
	for _, it := range items {
		res := make(chan error)
		go func() {
			res <- check2(it)
		}()
		if err := <-res; err != nil {
			return err
		}
	}
	return nil
}

// One goroutine per item; the consumer returns on the first error.
func fanInEarly(items []string) error {
	errc := make(chan error)
	for _, it := range items {
		go func() {
			errc <- check2(it) // want `the goroutine blocks forever sending on unbuffered channel errc when fanInEarly leaves its receiving loop early with sends still pending`
		}()
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// A goroutine per item sends its result or its error; the loop returns
// on the first error (kafkactl's readCurrentReplicas).
func fanInSelect(items []string) ([]string, error) {
	results := make(chan string)
	errs := make(chan error)
	for _, it := range items {
		go func() {
			if err := check2(it); err != nil {
				errs <- err // want `the goroutine blocks forever sending on unbuffered channel errs when fanInSelect leaves its receiving loop early with sends still pending`
				return
			}
			results <- it // want `the goroutine blocks forever sending on unbuffered channel results when fanInSelect leaves its receiving loop early with sends still pending`
		}()
	}
	var out []string
	for range items {
		select {
		case r := <-results:
			out = append(out, r)
		case err := <-errs:
			return nil, err
		}
	}
	return out, nil
}

// The goroutine takes its item as an argument (kafkactl's go
// func(partitionId int32) { ... }(p)): the same leak.
func fanInArgs(ids []int32) error {
	errc := make(chan error)
	for _, id := range ids {
		go func(id int32) {
			errc <- check2(fmt.Sprint(id)) // want `the goroutine blocks forever sending on unbuffered channel errc when fanInArgs leaves its receiving loop early with sends still pending`
		}(id)
	}
	for range ids {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// deadCase is fine: nothing sends on errs, so its case never fires and
// the loop receives every result (kafkactl's GetTopics).
func deadCase(items []string) ([]string, error) {
	results := make(chan string)
	errs := make(chan error)
	for _, it := range items {
		go func(it string) {
			check2(it)
			results <- it
		}(it)
	}
	var out []string
	for range items {
		select {
		case r := <-results:
			out = append(out, r)
		case err := <-errs:
			return nil, err
		}
	}
	return out, nil
}

// countedEarly is fine: it returns only once it has heard from every
// sender (a count decides, as in internal/fuzz's coordinator).
func countedEarly(items []string) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- check2(it) }()
	}
	got := 0
	var first error
	for {
		err := <-errc
		got++
		if first == nil {
			first = err
		}
		if got == len(items) {
			return first
		}
	}
}

// The consumer reads everything before deciding: fine.
func fanInAll(items []string) error {
	errc := make(chan error) // fine: the loop receives one value per goroutine
	for _, it := range items {
		go func() { errc <- check2(it) }()
	}
	var first error
	for range items {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// One goroutine sends once; the loop returns after that one value: fine.
func singleSenderLoop(ctx context.Context) error {
	errc := make(chan error) // fine: one send, received before the return
	go func() { errc <- check(ctx) }()
	for {
		err := <-errc
		if err != nil {
			return err
		}
		return nil
	}
}

// The other case is the sender's own "stopped" signal: it is closed only
// after the send was received, or when the goroutine did not send.
func ownSignal() error {
	errc := make(chan error) // fine: stopped closes after the send completes
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		if err := prepare(); err != nil {
			errc <- err
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-stopped:
		return nil
	}
}

type clock interface {
	After(time.Duration) <-chan time.Time
}

// An injected clock's After (circuitbreaker #35).
func viaClock(c clock) error {
	res := make(chan error)
	go func() {
		res <- prepare() // want `sending on unbuffered channel res when viaClock returns through the After\(\) case of the select`
	}()
	select {
	case err := <-res:
		return err
	case <-c.After(time.Second):
		return errors.New("timeout")
	}
}

// A stop channel captured from the caller.
func viaStop(stop <-chan struct{}) error {
	res := make(chan error)
	go func() {
		res <- prepare() // want `sending on unbuffered channel res when viaStop returns through the stop case of the select`
	}()
	select {
	case err := <-res:
		return err
	case <-stop:
		return nil
	}
}

type conn struct{}

func accept() (*conn, error) { return nil, nil }

// A deferred drain registered after the goroutine starts but before the
// receiving loop (x/tools internal/jsonrpc2.Serve): every return drains.
func deferredDrainAfterStart(ctx context.Context) error {
	conns := make(chan *conn) // fine: the deferred range drains it on every return
	go func() {
		defer close(conns)
		for {
			c, err := accept()
			if err != nil {
				return
			}
			conns <- c
		}
	}()
	defer func() {
		for range conns {
		}
	}()
	for {
		select {
		case c, ok := <-conns:
			if !ok {
				return nil
			}
			use(c)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// A reader goroutine feeding a select loop that returns on an error from
// elsewhere (x/tools playground/socket.socketHandler).
func readerLoop(errc chan error) {
	in := make(chan int)
	go func() {
		for {
			v, err := accept()
			if err != nil {
				return
			}
			in <- len([]*conn{v}) // want `sending on unbuffered channel in when readerLoop returns through the errc case of the select`
		}
	}()
	for {
		select {
		case v := <-in:
			use(v)
		case err := <-errc:
			use(err)
			return
		}
	}
}

// Two goroutines report on one errc: a value on it may come from the
// writer while the reader is still blocked on in (x/tools
// playground/socket.socketHandler).
func sharedErrc(w func() error) {
	in := make(chan int)
	errc := make(chan error, 1)
	go func() {
		for {
			v, err := accept()
			if err != nil {
				errc <- err
				return
			}
			in <- len([]*conn{v}) // want `sending on unbuffered channel in when sharedErrc returns through the errc case of the select`
		}
	}()
	go func() {
		if err := w(); err != nil {
			errc <- err
		}
	}()
	for {
		select {
		case v := <-in:
			use(v)
		case err := <-errc:
			use(err)
			return
		}
	}
}

// A range-over-int receiving loop is rotated by the SSA builder: a guard
// before the loop (0 < n) leaves to the same exit when it runs zero
// times. Running it to its end receives one value per goroutine, as with
// the three-clause loop (inbucket's tlscert test).
func fanInRangeInt() {
	done := make(chan struct{}) // fine: 8 goroutines, 8 receives
	for range 8 {
		go func() {
			defer func() { done <- struct{}{} }()
			use(0)
		}()
	}
	for range 8 {
		<-done
	}
}

func fanInRangeN(n int) {
	done := make(chan struct{}) // fine: n goroutines, n receives
	for range n {
		go func() { done <- struct{}{} }()
	}
	for range n {
		<-done
	}
}

// The guard of the receiving loop is not a way around a return before it.
func fanInRangeIntEarly(fail bool) {
	done := make(chan struct{})
	for range 8 {
		go func() { done <- struct{}{} }() // want `sending on unbuffered channel done when fanInRangeIntEarly returns`
	}
	if fail {
		return
	}
	for range 8 {
		<-done
	}
}

// Two error sends of one goroutine (keda's beanstalkd getTubeStats): the
// finding names the first in the source, and the fix buffers one value:
// one send at most runs.
func twoErrSends(ctx context.Context) error {
	errc := make(chan error)
	go func() {
		if err := check2("a"); err != nil {
			errc <- err // want `the goroutine blocks forever sending on unbuffered channel errc when twoErrSends returns through the ctx.Done\(\) case of the select`
			return
		}
		if err := check2("b"); err != nil {
			errc <- err
			return
		}
		errc <- nil
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// A result or an error: the finding is at the first send, and names the
// other as a place the goroutine blocks too (checkRelated).
func resultOrFailure(ctx context.Context, url string) (*Result, error) {
	done := make(chan *Result)
	go func() {
		if err := check(ctx); err != nil {
			done <- nil // want `sending on unbuffered channel done when resultOrFailure returns through the ctx.Done\(\) case`
			return
		}
		done <- get(url)
	}()
	select {
	case r := <-done:
		return r, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
