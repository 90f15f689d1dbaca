// Package resources holds memlint's tables of library constructors whose
// results hold resources: what releases each one and what it keeps alive
// (unclosed), and which of them build heavy clients meant to be shared and
// what one costs (perrequest).
package resources

import (
	"go/types"
	"slices"
	"strings"
)

// A Rule says that the result of a constructor must be released.
type Rule struct {
	// Release lists the methods that release the value; any one counts.
	// The first is the one a suggested fix defers.
	Release []string
	// Leaks says what stays alive while the value is not released; it is
	// the parenthesised tail of every message.
	Leaks string
}

var (
	closeOnly      = []string{"Close"}
	closeOrAsync   = []string{"Close", "AsyncClose"}
	closeOrWithErr = []string{"Close", "CloseWithError"}
)

const (
	kafkaConn     = "leaks its broker connection"
	saramaClient  = "leaks its metadata goroutine and broker connections"
	saramaProd    = "leaks its goroutines, broker connections and any buffered messages"
	saramaCons    = "leaks its goroutines and broker connections"
	confluentProd = "leaks its librdkafka handle with its threads and broker connections, and any queued messages"
	confluentCons = "leaks its librdkafka handle with its threads and broker connections, and any prefetched messages"
	confluentAdm  = "leaks its librdkafka handle and threads"
	// Close of an HTTP client closes its idle connections (storage
	// v1.4x and later); without it they stay open until the transport's
	// 90 s idle timeout, each with net/http's goroutines (two for HTTP/1,
	// one for HTTP/2) and 4 KiB read and write buffers. Close of a gRPC
	// client closes its connection pool.
	gcsClient     = "keeps its idle HTTP connections, each with its goroutines and read and write buffers, open until the 90 s idle timeout"
	gcsGRPCClient = "leaks its gRPC connection pool and the pool's goroutines"
	gcsReader     = "leaks its HTTP response body and connection"
	// ChunkBuffer is replaced in messages by the buffer's size when the
	// code shows it (see StorageWriters).
	ChunkBuffer = "its ChunkSize buffer"
)

// Rules maps the canonical key of a constructor (apimatch.Key) to what its
// result needs. Add a library with one line here, a stub under
// testdata/src at its real import path and a test case.
//
// sarama's NewConsumerFromClient is not one: its consumer holds no
// goroutine nor connection of its own (the client has them) until
// ConsumePartition, whose partition consumer is a rule; its Close only
// unregisters metrics and leaves the client open (sarama v1.46.3
// consumer.go). Reporting it blamed the wrong value where the client
// leaked (the corpus's watermill-kafka subscriber).
var Rules = map[string]Rule{
	"github.com/segmentio/kafka-go.NewWriter":                                   {closeOnly, "leaks its batching goroutines and connections"},
	"github.com/segmentio/kafka-go.NewReader":                                   {closeOnly, "leaks its fetch goroutines, connections and any prefetched messages"},
	"github.com/segmentio/kafka-go.Dial":                                        {closeOnly, kafkaConn},
	"github.com/segmentio/kafka-go.DialContext":                                 {closeOnly, kafkaConn},
	"github.com/segmentio/kafka-go.DialLeader":                                  {closeOnly, kafkaConn},
	"github.com/segmentio/kafka-go.DialPartition":                               {closeOnly, kafkaConn},
	"(*github.com/segmentio/kafka-go.Dialer).Dial":                              {closeOnly, kafkaConn},
	"(*github.com/segmentio/kafka-go.Dialer).DialContext":                       {closeOnly, kafkaConn},
	"(*github.com/segmentio/kafka-go.Dialer).DialLeader":                        {closeOnly, kafkaConn},
	"(*github.com/segmentio/kafka-go.Dialer).DialPartition":                     {closeOnly, kafkaConn},
	"github.com/IBM/sarama.NewSyncProducer":                                     {closeOnly, saramaProd},
	"github.com/IBM/sarama.NewSyncProducerFromClient":                           {closeOnly, saramaProd},
	"github.com/IBM/sarama.NewAsyncProducer":                                    {closeOrAsync, saramaProd},
	"github.com/IBM/sarama.NewAsyncProducerFromClient":                          {closeOrAsync, saramaProd},
	"github.com/IBM/sarama.NewClient":                                           {closeOnly, saramaClient},
	"github.com/IBM/sarama.NewConsumer":                                         {closeOnly, saramaCons},
	"github.com/IBM/sarama.NewConsumerGroup":                                    {closeOnly, saramaCons},
	"github.com/IBM/sarama.NewConsumerGroupFromClient":                          {closeOnly, saramaCons},
	"github.com/IBM/sarama.NewClusterAdmin":                                     {closeOnly, "leaks its broker connections"},
	"(github.com/IBM/sarama.Consumer).ConsumePartition":                         {closeOrAsync, "leaks its fetch goroutines and message buffer"},
	"github.com/confluentinc/confluent-kafka-go/kafka.NewProducer":              {closeOnly, confluentProd},
	"github.com/confluentinc/confluent-kafka-go/kafka.NewConsumer":              {closeOnly, confluentCons},
	"github.com/confluentinc/confluent-kafka-go/kafka.NewAdminClient":           {closeOnly, confluentAdm},
	"github.com/twmb/franz-go/pkg/kgo.NewClient":                                {closeOnly, "leaks its goroutines, connections and any buffered records"},
	"github.com/twmb/franz-go/pkg/kadm.NewOptClient":                            {closeOnly, "leaks its kgo client's goroutines and connections"},
	"cloud.google.com/go/storage.NewClient":                                     {closeOnly, gcsClient},
	"cloud.google.com/go/storage.NewGRPCClient":                                 {closeOnly, gcsGRPCClient},
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriter":                     {closeOrWithErr, "the upload is never finalized and " + ChunkBuffer + " stays live until the writer's context is cancelled"},
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriterFromAppendableObject": {closeOrWithErr, "its open upload stream, the goroutine serving it and its chunk buffer stay live until the writer's context is cancelled"},
	"(*cloud.google.com/go/storage.ObjectHandle).NewReader":                     {closeOnly, gcsReader},
	"(*cloud.google.com/go/storage.ObjectHandle).NewRangeReader":                {closeOnly, gcsReader},
}

// StorageWriters are the constructors of a *storage.Writer. Its buffer is
// ChunkSize bytes (16 MiB when never set, none when set to 0), so messages
// name the size the code sets. Cancelling the context given to the
// constructor aborts the upload and ends the writer's goroutine (the
// storage docs: "cancel the context to stop writing without saving"), and
// a Write that failed has already ended it: neither path leaks.
var StorageWriters = map[string]bool{
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriter":                     true,
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriterFromAppendableObject": true,
}

// OpenWriters are the storage writers open when their constructor
// returns: NewWriterFromAppendableObject takes the object over before it
// returns the offset to append at (a gRPC bidi stream and the goroutine
// serving it), so a writer dropped unused still holds them; its ChunkSize
// comes from its options, not from the field.
var OpenWriters = map[string]bool{
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriterFromAppendableObject": true,
}

// ContextBound are the constructors of a value whose resources the
// cancellation of the context given to them releases: a storage.Writer
// (above), and a storage.Reader, whose HTTP response body net/http's
// transport closes, ending its connection's goroutines, when the request's
// context is cancelled (a gRPC reader's stream ends with its context too).
// The context is the constructor's first argument after the receiver.
var ContextBound = map[string]bool{
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriter":                     true,
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriterFromAppendableObject": true,
	"(*cloud.google.com/go/storage.ObjectHandle).NewReader":                     true,
	"(*cloud.google.com/go/storage.ObjectHandle).NewRangeReader":                true,
}

// IdleUntilUsed are the constructors of a client that holds nothing Close
// would free until it has made a request: an HTTP storage.Client's Close
// closes its idle connections, and before its first request it has none.
// A path on which such a client is dropped unused is no leak.
var IdleUntilUsed = map[string]bool{
	"cloud.google.com/go/storage.NewClient": true,
}

// StartsOnUse are constructors (and, for a literal, type keys) of values
// that start nothing Close would stop until they are used: kafka-go's
// Writer spawns its partition writers' goroutines and dials its
// connections on the first WriteMessages (kafka-go v0.4.51 writer.go:
// NewWriter builds a Transport value and returns; Close waits for the
// spawned goroutines and closes the transport's idle connections). A
// path on which such a value is dropped before any call uses it is no
// leak, as for IdleUntilUsed. So is a *storage.Writer: NewWriter only
// fills a struct, and the upload's pipe, goroutine and ChunkSize buffer
// start on the first Write (or Flush, or ReadFrom through io.Copy;
// storage v1.50.0 writer.go: "if !w.opened { w.openWriter() }"), so a
// writer dropped before anything is written to it holds nothing (vlbackup
// returns when os.Open fails, after NewWriter and before its Write).
var StartsOnUse = map[string]bool{
	"github.com/segmentio/kafka-go.NewWriter":               true,
	"github.com/segmentio/kafka-go.Writer":                  true,
	"(*cloud.google.com/go/storage.ObjectHandle).NewWriter": true,
}

// CloseFreesNothing reports whether a value of type t made by the
// constructor key holds nothing its Close would free, in the version of
// the library the package is built against. That is an HTTP storage.Client
// before the Client gained its transport field tc (storage v1.22 has no tc,
// v1.27 has it): up to then (*Client).Close only set the client's fields
// to nil (and closed a gRPC connection the HTTP client does not have), and
// its idle connections stayed open until their idle timeout either way.
// From tc on, Close calls the HTTP transport's Close, which closes the idle
// connections. The field is read from the library's types, so the
// answer follows the version in go.mod.
func CloseFreesNothing(key string, t types.Type) bool {
	if key != "cloud.google.com/go/storage.NewClient" {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == "tc" {
			return false
		}
	}
	return true
}

// Adopters map constructors whose result takes over one of its arguments
// (parameter index) to that index: releasing the result releases the
// argument, and the result holds nothing else. It is tracked as an alias
// of the argument, never as a resource of its own, so no fix defers its
// Close where the argument is shared. Sarama v1.61.1, admin.go: "Note that
// underlying client will also be closed on admin's Close() call". (Its
// producers' and consumers' FromClient constructors do not close the
// client: they wrap it in a nopCloserClient, and are rules above.)
// franz-go's kadm v1.19.0, kadm.go: "Close closes the underlying
// *kgo.Client".
//
// The index counts the call's SSA arguments, so a method's receiver is 0.
// A storage.Client's BucketHandle keeps its client and has no Close:
// storing or returning the handle hands the client off, as storing the
// client would (VictoriaMetrics' gcsremote keeps only client.Bucket(b));
// a handle used locally leaves the client reported.
var Adopters = map[string]int{
	"github.com/IBM/sarama.NewClusterAdminFromClient": 0,
	"github.com/twmb/franz-go/pkg/kadm.NewClient":     0,
	"(*cloud.google.com/go/storage.Client).Bucket":    0,
}

// Literals maps the canonical key of a type (apimatch.TypeKey) whose
// composite literal &T{...} is a resource, as recommended by its library.
var Literals = map[string]Rule{
	"github.com/segmentio/kafka-go.Writer": {closeOnly, "leaks its batching goroutines and connections"},
}

// ReleaseNames returns every release method a rule names (ExtraRule's
// too), sorted: a helper that calls one of them on its parameter releases
// it. A library whose values are released by another method (Shutdown,
// Stop) needs only its rule line for helpers to be understood too.
func ReleaseNames() []string {
	seen := map[string]bool{}
	var names []string
	add := func(r Rule) {
		for _, n := range r.Release {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	add(ExtraRule)
	for _, r := range Rules {
		add(r)
	}
	slices.Sort(names)
	return names
}

// ExtraRule is the rule for constructors named by the extra flag.
var ExtraRule = Rule{closeOnly, "leaks what it holds"}

// libraries are the import paths of the packages whose constructors are
// rules: a function of such a package given one of its own values only
// uses it (a FromClient constructor wraps the client without taking it
// over), unless it is an adopter.
var libraries = func() map[string]bool {
	m := make(map[string]bool)
	for key := range Rules {
		m[keyPackage(key)] = true
	}
	for key := range Literals {
		m[keyPackage(key)] = true // a type key: "pkg/path.Type"
	}
	return m
}()

// keyPackage returns the import path in a canonical key:
// "pkg/path.Func", "(*pkg/path.Type).Method" or "pkg/path.Type".
func keyPackage(key string) string {
	if strings.HasPrefix(key, "(") {
		key = strings.TrimPrefix(strings.TrimPrefix(key, "("), "*")
		if i := strings.Index(key, ")"); i >= 0 {
			key = key[:i]
		}
	}
	if i := strings.LastIndex(key, "."); i >= 0 {
		return key[:i]
	}
	return key
}

// IsLibrary reports whether the import path names a package whose
// constructors are rules (sarama, kafka-go, confluent-kafka-go, franz-go's
// kgo, Cloud Storage).
func IsLibrary(path string) bool { return libraries[path] }

// A multipart form parsed from a request is released by RemoveAll on the
// form the request holds (r.MultipartForm), not by a method of the
// request: the ownership engine looks for it on the values a parameter
// holds, and multipart on the forms a handler parses.
const (
	FormType    = "mime/multipart.Form"
	FormRelease = "(*mime/multipart.Form).RemoveAll"
)
