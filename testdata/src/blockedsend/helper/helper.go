// Package helper has functions that send on a channel parameter, for the
// facts blockedsend exports.
package helper

import "context"

// Compute sends its result on out and does nothing else with it.
func Compute(n int, out chan<- int) { // want Compute:`sends\(1\)`
	out <- n * n
}

// Relay sends through Compute: it only sends too.
func Relay(out chan<- int) { // want Relay:`sends\(0\)`
	Compute(2, out)
}

// Polite sends in a select with ctx.Done(): it never blocks forever, and
// has no fact.
func Polite(ctx context.Context, out chan<- int) {
	select {
	case out <- 1:
	case <-ctx.Done():
	}
}

// Echo receives as well: not a pure sender, no fact.
func Echo(ch chan int) {
	v := <-ch
	ch <- v
}

type Worker struct{ N int }

// Run sends on out; the receiver is not counted among the parameters.
func (w *Worker) Run(out chan<- int) { // want Run:`sends\(0\)`
	defer close(out)
	out <- w.N
}
