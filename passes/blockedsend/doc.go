// Package blockedsend defines an Analyzer that reports goroutines left
// blocked forever on a channel send after the function that should receive
// has returned.
//
// # Analyzer blockedsend
//
// blockedsend: report goroutines left blocked forever on a channel send
//
// A function makes an unbuffered channel, starts a goroutine that sends
// its result on it, and waits in a select whose other case (ctx.Done(),
// time.After, a timer) returns, or returns early on an error before it
// receives. On that path nobody will ever receive: the goroutine blocks on
// its send forever. The runtime never collects a blocked goroutine, so it
// keeps its stack (2 KiB at least, more if it grew or if the runtime's
// average-stack-size start applies) and everything it references (the
// request, the response, buffers it captured) for the life of the process.
// Under load every timed-out call leaks one more, until the process is
// killed. None of memlint's incident notes covers it; it is the goroutine
// leak that Uber's LeakProf found most often in production, and public
// projects have fixed it one at a time: moby (#5955, #40144, #40595,
// #40994), google/cadvisor (#2549), google/gvisor (#2817),
// opentelemetry-collector-contrib (#1505), minio-go (#1259),
// BishopFox/sliver (#1089), hellofresh/health-go (#224),
// rubyist/circuitbreaker (#35), codeskyblue/go-sh (#26), containerd
// (#4309). go vet and staticcheck do not report it (dominikh/go-tools#1649).
//
// Wrong:
//
//	func fetch(ctx context.Context, url string) (*Result, error) {
//		done := make(chan *Result)
//		go func() {
//			done <- get(url) // blocks forever once fetch has returned
//		}()
//		select {
//		case r := <-done:
//			return r, nil
//		case <-ctx.Done():
//			return nil, ctx.Err()
//		}
//	}
//
// Right:
//
//	done := make(chan *Result, 1) // the send completes whoever listens
//
// (or send in a select with a case on ctx.Done(), so the goroutine can
// give up too).
//
// The pass reports the strict, single-function shape: a channel made in a
// function F, unbuffered or with a constant capacity smaller than the
// number of sends that happen on every path of the senders; one or more
// goroutines started in F that send on it (a function literal, also one
// given plain data as arguments, values holding no channel, interface or
// function however deep, time.Time or a self-referencing struct included:
// go func(id int32) { ... }(p), chartmuseum's go func(o storage.Object)
// { ... }(object); errgroup's or WaitGroup's Go with a literal, or a
// function with a channel argument whose fact says it only sends on that
// parameter, across packages); and a
// path from a go statement to a return of F on which F neither receives
// from the channel, nor calls a closure that drains it, nor waits on a
// sync.WaitGroup or errgroup.Group (on such a path the send was received,
// or F deadlocks: not a leak). A receiving loop that runs to its end (its
// header's exit: the range over the senders, a counted loop, or the
// channel closed) is taken to have received every send, also when each
// iteration selects over several channels the goroutines send on ("for
// range n { select { case <-fail: case <-done: } }" when every worker
// sends once on fail or on done). A range over the channel left early
// (return or break on the first error, with no drain after it) is
// reported when its only sender is one goroutine, started once on a
// channel made once, that sends in a loop (or an async helper whose
// goroutine does): the producer blocks on its next send (minio-go's
// newRetryTimer, minio-go#1259). So is a fan-out left early: an
// unbuffered channel made before the loop that starts its senders, one
// goroutine per item, received in a loop (a receive, or a select case on
// it) from which F returns on the value it got, with no integer
// comparison on the way out (kafkactl's readCurrentReplicas: a goroutine
// per partition sends its replicas or its error, and the first error
// returns, leaving the others blocked). Other receiving loops left early
// are not reported: a return guarded by a count of the senders
// (internal/fuzz), a channel made afresh in the loop that starts its
// goroutine, senders that are not function literals of F. A
// select case on a channel the goroutine itself closes or sends on (its
// "stopped" signal, or the error channel of a result-or-error pair: go
// func(resCh, errCh chan T) { ... }(resCh, errCh), captured or given as
// arguments, and handed to no other goroutine) counts as a receive: it
// fires only once the goroutine is past its send, or did not send. So does the end of a range over a
// channel that the only goroutine closes after its last send (a close
// that no send follows, or a deferred close): the range ends only once
// the goroutine is past every send, and until then a blocked send hangs F
// rather than leaking. A select case on a channel made in F that
// nothing sends on or closes (only ever received from, and passed
// nowhere) never fires, and is no way out (kafkactl's GetTopics selects
// on an errChannel no goroutine sends on).
//
// The path is described by the way it leaves: the select case it takes,
// or the call whose error it returns. The finding is at the send when the
// goroutine is a function literal of F without parameters, and at the go
// statement otherwise; related information points at the go statement, at
// the goroutine's other sends on an unbuffered channel (each is the same
// leak: "the goroutine may block sending here too"), and at the return.
//
// Functions that only send on a channel parameter (and may close it or
// call len or cap on it) carry a fact, printed sends(i) with i the index
// among the signature's parameters, receiver excluded.
//
// A function that makes a channel, starts on every path one goroutine
// that sends on it, and returns it, doing nothing else with it, hands the
// receiving to its caller ("func Go(f func() error) chan error { ch :=
// make(chan error); go func() { ch <- f() }(); return ch }", an
// "async" helper). It carries a fact, printed async cap(C) sends(N)
// everyPath(M), and each call of it, in the package or another, is
// judged like a channel made at the call with that goroutine started
// there: "select { case err := <-Go(f): ...; case <-time.After(d):
// return errTimeout }" leaves the goroutine blocked when the timer fires
// first, and is reported at the call. Such calls get no suggested fix:
// the buffer is the callee's to choose.
//
// The pass stays silent, preferring a missed leak to a false alarm, when:
// the capacity is not a constant, or covers every send made on every path;
// the goroutine's sends are all inside a select with another case
// (ctx.Done(), default); a receive, a drain closure or a Wait is deferred
// before the goroutine starts; the channel escapes F (returned, stored,
// sent, passed to a function the pass cannot see through, or received from
// in another goroutine or a closure that is not called in F); F closes the
// channel or sends on it itself; F runs once per process just before the
// process exits: main.main, or a function given the *testing.M (a helper
// of TestMain, whose result is the test binary's exit code), or the
// action of a command-line command: a function used only as the value of
// a func-typed field of a struct type named Command, in a composite
// literal or assigned (cobra's Command{RunE: f} and cmd.RunE = f,
// urfave/cli's Action, caddy's Command{Func: f}, a program's own; a
// literal there too), directly or as a function argument of the call
// assigned there (caddy's cmd.RunE = WrapCommandFuncForCobra(cmdStart)),
// since the process runs one command and exits (a function also called
// or used elsewhere is still checked); the only
// paths that leave the goroutine blocked take a select case receiving
// from a channel of os.Signal (the channel signal.Notify fills: the
// process was told to stop, as in the graceful-shutdown shape "go
// func() { errc <- srv.ListenAndServe() }(); select { case err :=
// <-errc: ...; case <-quit: srv.Shutdown(ctx) }"); the goroutine sends
// only an http.Server's Serve (or ListenAndServe, ServeTLS) error that is
// not http.ErrServerClosed (if err := srv.Serve(l); !errors.Is(err,
// http.ErrServerClosed) { errc <- err }, or err != http.ErrServerClosed)
// and the paths that leave it blocked shut that server down first
// (srv.Shutdown or srv.Close, or a deferred one): Serve then returns
// ErrServerClosed and nothing is sent (navidrome's server.Run; only a
// Serve failing at the very moment of the shutdown could still block);
// the only paths that leave the goroutine blocked go through a call
// that fails or skips the test (t.Error, t.Fatal, b.FailNow, testify's
// require.FailNow), or end in a return of a non-nil error (made by a
// call, or where the function also returns an explicit nil error) from a
// helper of a _test.go file whose every call in the package fails the
// test when that error is not nil (if err != nil { t.Fatalf(...) }: cfssl's
// connFromCommand): a run that has already failed. It does not report "first response wins" (one goroutine per
// replica, one receive: the loop may start a single goroutine), an async helper
// whose goroutine may give up (its send in a select with ctx.Done()), or
// that returns another channel or none on some path, nor a goroutine blocked
// receiving from a channel nobody closes, nor a goroutine started by a
// callback stored in an options struct or a registry (jaeger's OnEvict;
// gokapi's live-status handler registers a callback whose goroutine per
// event sends on the handler's unbuffered channel), nor a channel
// made in one function and kept in a struct field that another sends on
// (cfssl's scan results), or returned to a caller that may stop reading
// (watermill's requestreply backend, OpenMeter's meter export, whose
// producer goroutine sends into a buffered channel that an iterator's
// consumer may stop draining): these need more than one function.
// A receive loop counted to the number of senders is taken to receive
// them all, even when it returns on the first error: that early return,
// which leaves the other senders blocked, is a miss (Burrow's backfill is
// reported through its quitChannel case, not through its first error).
// It does report a goroutine left blocked in
// any other function that runs once per process just before the process
// exits and is not a command's action (a function a CLI calls through
// its own dispatcher): whether the caller exits is not known to the pass.
// Paths are judged by control flow alone: one that a callee's invariant
// rules out (a branch on a nil result the callee never returns without
// an error) can still be reported.
// Generated files are skipped; _test.go files are analysed.
//
// A suggested fix gives the channel a buffer for all its sends, make(chan
// T, n), when n, the number of send statements of the goroutines, is a
// constant (no send and no go statement in a loop, no helper). Each
// goroutine counts for the most sends one path through it makes: a
// result or an error, each sent before a return, is one send, not two.
//
// A finding is at the goroutine's first send in the source on an
// unbuffered channel, at the send past the buffer otherwise; the other
// sends on the same channel are the same leak, and one buffer fixes them.
package blockedsend
