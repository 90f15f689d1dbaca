// Package unclosed defines an Analyzer that reports Kafka and Cloud Storage
// clients, writers and readers that are not closed on every path.
//
// # Analyzer unclosed
//
// unclosed: report Kafka and Cloud Storage clients not closed on every path
//
// Kafka producers, consumers and connections and Cloud Storage clients,
// writers and readers hold goroutines, connections and buffers until they
// are closed; the garbage collector never closes them. Incident 2 in
// memlint's incident notes: an upload service created a segmentio/kafka-go
// Writer per request and never closed it; it had to be restarted every few
// hours, and "defer writer.Close()" flattened its memory. A storage.Writer
// that is never closed never finalizes the upload and keeps its ChunkSize
// buffer (16 MiB by default, incident 1) until its context is cancelled
// (the library then aborts the upload); messages name the size the code
// sets, "its ChunkSize buffer" when the code computes it or may set it
// elsewhere, and the open upload request instead for ChunkSize 0.
//
// The pass reports a value from one of these constructors that can reach
// the end of its function without being released and without being handed
// to someone who will release it:
//
//   - github.com/segmentio/kafka-go: NewWriter and &kafka.Writer{...},
//     NewReader, Dial, DialContext, DialLeader, DialPartition and the
//     (*Dialer) methods of the same names;
//   - github.com/IBM/sarama (and github.com/Shopify/sarama): NewSyncProducer,
//     NewAsyncProducer, NewClient, NewConsumer, NewConsumerGroup,
//     NewClusterAdmin, the ...FromClient variants of the producers and
//     of the consumer group (their Close leaves the client open; a
//     consumer from NewConsumerFromClient holds nothing of its own before
//     ConsumePartition, so only its partition consumers count), and
//     Consumer.ConsumePartition (Close or AsyncClose release). A cluster
//     admin from NewClusterAdminFromClient is not a resource of its own:
//     its Close closes the client it was built from (sarama's admin.go), so
//     closing the admin counts as closing that client, and no fix ever
//     defers the Close of an admin over a client the function does not own;
//   - github.com/confluentinc/confluent-kafka-go (v1 and v2): NewProducer,
//     NewConsumer, NewAdminClient;
//   - github.com/twmb/franz-go/pkg/kgo: NewClient; pkg/kadm: NewOptClient.
//     An admin from kadm.NewClient(cl) is not a resource of its own: its
//     Close closes cl (kadm.go: "Close closes the underlying
//     *kgo.Client"), so closing it counts as closing cl, as for sarama's
//     cluster admin;
//   - cloud.google.com/go/storage: NewClient, NewGRPCClient,
//     (*ObjectHandle).NewWriter and NewWriterFromAppendableObject (Close
//     or CloseWithError release), NewReader and NewRangeReader;
//   - the constructors named by the extra flag;
//   - constructor wrappers: a function that returns the fresh value of one
//     of these constructors as its first result on every path that
//     returns a non-nil one, using it for nothing but its own methods
//     before (func newClient(addrs []string) (sarama.Client, error) {
//     return sarama.NewClient(addrs, cfg) }), in the same package or
//     another (the constructs(KEY) fact), wrappers of wrappers included.
//     A wrapper may also return, beside it, an adopter built over it
//     (return cl, kadm.NewClient(cl): redpanda console's test helper
//     CreateClients); its callers then treat that result as the same
//     resource, so closing either releases it (the aliases[i] of the
//     fact). A function that also stores the value, passes it to another
//     function, or may return one it did not create (a cache) is no
//     wrapper: its caller is not the only owner. Storage writers are not
//     followed through wrappers (their leak depends on the context the
//     wrapper gives NewWriter);
//   - owning wrappers: a function that returns, on every path that
//     returns a non-nil one, a fresh struct of its package holding in one
//     field the fresh value of one of these constructors (or wrappers),
//     used for nothing but its own methods before, when a method of that
//     struct releases the field (conduit-connector-kafka's
//     NewFranzProducer returns &FranzProducer{client: cl}, and its
//     Close(ctx) calls p.client.Close()). The fact says constructs(KEY)
//     in(FIELD) released(METHODS). Its calls create a resource whose
//     release is any method of the struct that releases the field,
//     itself or through another such method on the receiver (a Stop that
//     calls Close), or any function that calls one of those on the
//     value it is given (defer endSession(s), through the ownership
//     facts), and the message says what the field holds:
//     "destination.FranzProducer p from destination.NewFranzProducer is
//     never closed (its field client holds the value of kgo.NewClient,
//     which leaks ...)". A fix is suggested only when that method takes no
//     arguments. The struct must not be kept or passed anywhere else in
//     the function, and a struct given its client by its caller
//     (loki's NewProducer(client)) is no owning wrapper: the caller still
//     owns the client. Nor is a struct that makes its resource in a later
//     method (kafkactl's GroupConsumer, whose Start builds the consumer
//     group its Close closes) or holds only a value that frees nothing
//     (kafkactl's PartitionConsumer keeps a consumer from
//     sarama.NewConsumerFromClient): the error returns of kafkactl's
//     Consume between Start and Close are misses.
//
// It reports a value that is never closed, one closed on some paths only
// (pointing at the return that leaks it, and naming the call whose failure
// leads there), one whose result is discarded, one created in a loop and
// not closed before the next iteration creates another, and one closed by
// a defer inside the loop that creates it (every iteration's value stays
// open until the function returns).
//
// Wrong:
//
//	func publish(ctx context.Context, msg kafka.Message) error {
//		w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "uploads"})
//		return w.WriteMessages(ctx, msg)
//	}
//
// Right:
//
//	func publish(ctx context.Context, msg kafka.Message) error {
//		w := kafka.NewWriter(kafka.WriterConfig{Brokers: brokers, Topic: "uploads"})
//		defer w.Close()
//		return w.WriteMessages(ctx, msg)
//	}
//
// (Better still, create one Writer for the process and share it.)
//
// A release counts when the release method is called on every path to the
// function's returns: directly, deferred, inside a closure that is deferred
// or called, through a method value, or by a function known to close that
// parameter. A close need not be deferred to count. Functions that close,
// keep or return a parameter are recorded as facts by memlint's ownership
// engine, internal/ownership (releases(0,2), retains(1), returns(0):
// indices of the signature's parameters, the receiver not counted, as in
// every memlint fact), so helpers in other packages count under go vet
// and the standalone driver alike. A helper that closes its parameter on
// some paths only counts as keeping it (the pass stays silent). A helper
// that keeps its parameter (stores it, or returns it in what it returns)
// only on the paths that return a nil error, and neither keeps nor
// closes it on the others (goka's newTopicManager(..., client, ...)),
// keeps it only when it succeeds: where the call fails, the caller still
// owns the value, and a return of the caller on that path, return
// newTopicManager(...) included, is reported ("not closed when
// newTopicManager fails"). A helper whose every return's error is the
// constant nil never fails: it keeps the value on every path. Paths on
// which the constructor's error is non-nil (err != nil, errors.Is(err,
// target), errors.As, err == a package variable such as
// storage.ErrObjectNotExist, taken to be a non-nil sentinel; a check of
// the variable the error went to, unless a later store to it in the same
// block gave it another call's error: kafkactl's err = g.Wait(); if err
// != nil { return err }, after closures that borrow a consumer group
// assigned the same err, is Wait's failure and a leak; and a check, in
// the block where they merge, of the constructor's error and another
// call's, is judged by the edge the path came by: bulker's if err == nil
// { err = consumer.Assign(...) }; if err != nil { return } leaks the
// consumer when Assign fails, "not closed when consumer.Assign fails",
// unless the other call's error was found nil on that edge), or the value
// is nil, or the value says it is closed already (if !client.Closed() {
// client.Close() }: sarama's Client.Closed, keda), do not count; nor do
// paths ending in a panic or a call that never returns (log.Fatal,
// os.Exit, and t.Fatal or t.FailNow, which end the test: a value left
// open only when a test fails, as in kafkactl's consumer-group offset
// test, is not reported) in the same function. Nor does the failure of a
// sarama producer built over a client the function has just made from a
// config it has just made (sarama.NewConfig(), sarama.NewClient(addrs,
// cfg), then sarama.NewSyncProducerFromClient or
// NewAsyncProducerFromClient): such a constructor fails only over a
// closed client, when an idempotent producer is refused a producer ID,
// or, for the sync producer, when Producer.Return.Successes or Errors is
// false (sarama's verifyProducerConfig), so "the client is not closed
// when NewSyncProducerFromClient fails" would name a path never taken
// (minio's Kafka targets). This holds when the function sets
// cfg.Producer.Return.Successes = true before a sync producer on every
// path, the config goes only to sarama, to functions of the package that
// do the same, or into a variable, and no code of the package sets
// Producer.Idempotent to anything but false nor Return.Successes or
// Errors to anything but true; a config from a caller or another
// package (kafka-pixy's SaramaProducerCfg) is not followed, and the
// client is still reported there. A startup constructor whose
// error path returns to callers that all exit (kminion's
// CreateAndTestClient, whose failed connection test drops the kgo client
// and whose callers in main call logger.Fatal) is still reported: the
// callers' exits are not followed. An HTTP storage.Client (storage.NewClient) holds
// nothing its Close frees until it has made a request (Close closes its
// idle connections), so only paths on which it has been used count: a
// client dropped on a configuration error right after it is built is no
// leak; one dropped after a failed request is. The same holds for a
// kafka-go Writer (kafka.NewWriter or &kafka.Writer{}): it spawns its
// goroutines and dials on its first WriteMessages, so a writer dropped
// when a later configuration step fails, before any call used it
// (kafka-konsumer's NewProducer), is no leak; a closure that captures
// the writer counts as a use from where it is made. So is a
// storage.Writer: NewWriter only fills a struct, and the upload's pipe,
// goroutine and buffer start on the first Write, so a path that drops it
// before any call used it (vlbackup returns when os.Open fails after
// NewWriter) is no leak. Nor is a storage
// client made in a
// function that runs once per process or test run (main.main, a function
// given the *testing.M, a TestXxx, BenchmarkXxx or FuzzXxx function of a
// _test.go file): its idle connections close by themselves after the idle
// timeout, so it costs one client's connections for 90 s (vault's gcs
// acceptance tests), nor in an unexported helper of a _test.go file
// that only TestXxx, BenchmarkXxx or FuzzXxx functions call, outside
// loops (kopia's createBucket: once per test); a test helper called in a
// loop, by another helper, used as a value or never called is still
// checked. Before storage v1.27 (the
// version is read from the library's types: its Client has no transport
// field tc) an HTTP client's Close only set its fields to nil, so such a
// client is not tracked at all.
//
// A storage.Writer is aborted by the library when the context given to
// NewWriter is cancelled (the storage docs: cancel the context to stop
// writing without saving); its goroutine and buffer go with it, and
// calling Close instead would finalize a partial object. So the pass
// stays silent on a writer whose context is cancelled when the function
// returns or with the request it serves:
//
//   - r.Context() of a function that takes the *http.Request r and an
//     http.ResponseWriter or a framework context (the server cancels it
//     when the request ends: a handler func(w, r), or func(w, r)
//     *appError behind an adapter), or of an unexported function every
//     call of which in the package gives it such a request;
//   - a context from context.WithCancel, WithTimeout or WithDeadline (or
//     their Cause forms, or derived from one by WithValue) whose cancel
//     function is deferred;
//   - a context parameter of an unexported function that every call in the
//     package gives such a context (the bookshelf sample's
//     uploadFileFromForm(ctx, r), called with r.Context()). A function
//     also used as a value, or a method whose name an interface call of
//     the package uses, has callers the pass cannot see.
//
// Paths on which the writer's own Write failed do not count either (the
// upload has ended), nor paths on which a copy into it from bytes in
// memory failed ((*bytes.Reader).WriteTo(w), io.Copy(w,
// strings.NewReader(s)): such a copy fails only when w.Write does), and a
// writer that is discarded is never opened (it opens on its first Write),
// so it holds nothing (but see the appendable writer below). The same
// holds for a storage.Reader (NewReader, NewRangeReader) under such a
// context: net/http's transport closes the response body, and its
// connection's goroutines end, when the request's context is cancelled
// (Google's samples read under context.WithTimeout
// with a deferred cancel and close the reader only on success). A writer
// or reader whose context is any other parameter of the function is still
// reported when a path leaves it open: whether the callers cancel that
// context soon is not visible here (tusd's request context is cancelled
// after the request, a false positive; thanos objstore's long-lived one
// is not, a leak). A writer from NewWriterFromAppendableObject is open
// from the start: it takes the object over before it returns the offset
// to append at, so one dropped unused, or on the path where that offset
// is not the expected one (gcsfuse's CreateAppendableObjectWriter), is
// reported.
//
// The pass stays silent, preferring a missed leak to a false alarm, when
// the value is handed off, on every path once it is handed off on one
// (redpanda connect's partition consumers, appended to a slice in a loop
// whose later error return drops the slice, and its Cloud Storage reader,
// given to a scanner's constructor that returns an error without taking
// it, are misses): returned; stored in a struct field, global, map,
// slice or channel, or appended (itself, or a handle that keeps it: the
// BucketHandle from a storage.Client's Bucket); sent on a channel; captured by a goroutine,
// or by a closure that escapes (a subtest's function given to t.Run or
// b.Run does not: Run returns when the subtest ends, unless the subtest
// calls t.Parallel and so runs after its parent returns; nor does a
// closure given to an errgroup.Group's Go or TryGo, or a sync.WaitGroup's
// Go, when the function calls that group's Wait after it: the goroutine
// is joined, so the closure closes, uses or hands off the value as a
// called closure would, and a helper that only uses its parameter so
// borrows it, as redpanda console's testutil.CreateTestData does); passed to a func value or an interface
// method (and a value built by calling a func value, such as goka's
// opts.builders.topicmgr(...), is not tracked at all); or passed to a function whose fact says it retains the
// parameter (stores it, starts a goroutine with it, or closes it on some
// paths only; a wrapper of the program that keeps it and closes it in its
// own Close, as loki's NewProducer(client), is not tracked in its turn,
// nor is tempo's partition reader, which keeps its client and is never
// stopped in three tests).
// Passing it to a function that only uses it (io.Copy,
// fmt.Fprintf, json.NewEncoder(w).Encode, its own library's functions and
// methods) is not a hand-off; this holds inside helpers too, so a helper
// that builds a consumer group from its client parameter
// (sarama.NewConsumerGroupFromClient, which wraps the client and leaves
// it open) does not take the client over, and its caller still owns the
// client when the helper fails. A hand-off covers the paths through it: a
// "return err" before the value is stored or returned still leaks it. A
// hand-off inside a closure covers the paths on which the function makes
// that closure, and only those (kafkactl stores its client in a struct
// inside the closures an errgroup runs, after a return that leaves it
// open when the cluster admin cannot be made); a closure made before the
// value exists, or in a loop around its creation, may hand off the value
// on any path, and silences the pass for the function. A value created
// inside a closure and captured by another (gocloud's reader made lazily
// in an As callback) is not tracked. A helper that
// releases its parameter on some paths only (closes the client on one of
// its failures) retains it for its callers: what it does on the others is
// not known to them, so they stay silent.
//
// One store in a field is not a hand-off: a field that nothing releases.
// When every hand-off of the value stores it in the same unexported field
// of a struct type of the package, the struct has a Close method (it is
// meant to be closed: it releases what it holds), and no code of the
// package calls a release method on that field or lets its value go
// anywhere (each read of the field is only the receiver of other method
// calls, or compared with nil), the value is reported: "storage.Client
// from storage.NewClient is stored in GCSFs.svc, which nothing closes:
// (*vfs.GCSFs).Close does not close it, and the package only calls
// methods on the field" (sftpgo builds a GCS file system per connection,
// and its Close returns nil). A field read and passed to a function,
// returned, stored, converted or bound as a method value may be released
// there; an exported field may be released in another package; and a
// struct with no Close is not meant to be closed (a process-wide service
// keeping its producer until exit): all silent, so open-im's Producer,
// which keeps a sarama SyncProducer and has no Close, is a documented
// miss. No fix is suggested: the release belongs in the struct's Close.
//
// Generated files are skipped; _test.go files are analysed like any
// other, except that a discarded value whose constructor's error is
// passed to a testify assertion requiring it to be non-nil (require.Error,
// assert.EqualError, ErrorIs, NotNil, ...) is not reported: the test
// checks the path on which the value is nil. Nor is a value whose only
// uses are testify assertions requiring it to be nil (assert.Nil,
// require.Nilf): client, err := New(bad); assert.Error(t, err);
// assert.Nil(t, client) opens nothing on the path the test accepts
// (gcsfuse's tests of its client constructor with an invalid key file).
// Facts are computed for every package, including those that import
// none of the libraries, and for generated functions, except a huge one
// (over 2,000 lines, whose SSA is not built: see internal/ssabuild): a
// value passed to it counts as handed off.
//
// A suggested fix inserts "defer x.Close()" after the creation and its
// error check when the value is never closed nor handed off, is assigned
// to a variable, and is not created in a loop. For a storage.Writer, check
// the error of Close instead of deferring it where the upload's success
// matters: Close is where a failed upload is reported.
//
// Flags:
//
//	-unclosed.extra=KEYS  comma-separated constructors whose result must be
//	                      closed, as pkg/path.Func or
//	                      (*pkg/path.Type).Method, for your own resources
//	                      (released by Close)
package unclosed
