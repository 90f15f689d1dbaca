// Package perrequest defines an Analyzer that reports heavy clients meant
// to be shared that are built per request or per loop iteration.
//
// # Analyzer perrequest
//
// perrequest: report shared clients built per request or per item
//
// A Cloud Storage client, a Kafka writer, a gRPC connection, a *sql.DB or
// an http.Transport is built to be created once and shared: each one sets
// up its own connection pool, goroutines, TLS handshakes and buffers. Built
// in a handler or a loop and closed at the end, it is correct but pays that
// setup on every request, keeps none of its connections, and concurrent
// requests hold one each. Incident 5 in memlint's incident notes: per-call
// http.Transports and their per-connection bufio buffers (dialConn) showed
// up in the heap profile of a job OOM-killed at 700 MB. The libraries say
// so: google-cloud-go#2688 and #10948 (a storage client per request),
// segmentio/kafka-go#1358 (a writer per message leaves goroutines behind
// even after Close), QuokkaStake/cosmos-validators-exporter#89 (a transport
// per query: 7,000+ goroutines), owncloud/ocis#4889, dolthub/dolt#7707; 7
// of 10 sampled public storage.NewClient(r.Context()) calls run per request.
//
// The pass reports a constructor of such a client called on a hot path
// (memlint's shared notion, internal/hotpath: an HTTP, gin, echo, fiber
// or beego handler, a beego controller's action, or a gRPC server method,
// a loop body, a goroutine started in a loop) whose result does not
// escape the function. "Per request" needs a function that certainly runs
// in a server (it takes an http.ResponseWriter, a gin, echo, fiber or
// beego context, is a method of a beego controller, or is a gRPC server
// method): a *http.Request parameter alone is also client code, such as
// httputil.DumpRequestOut's in-memory Transport, and stays silent. The
// RoundTrip method of an http.RoundTripper, RoundTrip(*http.Request)
// (*http.Response, error), runs once for every request a client sends:
// what it builds is reported as built "per outgoing request (in
// RoundTrip)" (keda's AWS SigV4 round tripper built an http.Transport for
// every request). The clients:
//
//   - cloud.google.com/go: storage.NewClient and NewGRPCClient and every
//     NewClient, NewRESTClient, NewGRPCClient of a cloud.google.com/go
//     package (pubsub, bigquery, firestore, secretmanager/apiv1, ...);
//     aws-sdk-go-v2 config.LoadDefaultConfig, s3.NewFromConfig and
//     manager.NewUploader;
//   - Kafka: kafka-go NewWriter, NewReader and &kafka.Writer{}, sarama
//     NewClient, NewSyncProducer, NewAsyncProducer, NewConsumerGroup,
//     franz-go kgo.NewClient, confluent-kafka-go NewProducer, NewConsumer;
//   - connections and pools: grpc.Dial, DialContext, NewClient, sql.Open,
//     sqlx.Open and Connect, pgxpool.New, pgx.Connect, mongo.Connect,
//     go-redis NewClient and NewClusterClient, Docker's
//     client.NewClientWithOpts and NewEnvClient (each builds its own
//     http.Transport to the daemon: pufferpanel built one, never closed,
//     on every GET /features, and wings one on every GET /api/system);
//   - HTTP: &http.Transport{...} (also inside http.Client{Transport: ...})
//     and (*http.Transport).Clone. A bare &http.Client{Timeout: t} uses
//     the shared default transport and is cheap: not reported; nor is a
//     transport the function gives DisableKeepAlives: true (in the
//     literal, or t.DisableKeepAlives = true after Clone) before every use
//     of it, not under a condition (keda's builder sets it only when an
//     environment variable asks, so its transports keep their idle pools
//     and are reported): it closes each
//     connection after its request and keeps no idle pool, so building
//     one per request costs a dial, not memory that stays (gotenberg's
//     pinning proxy builds one per request on purpose).
//
// A builder counts as a constructor: a function that builds such a client
// and returns it, or a value holding it, to its callers and keeps it
// nowhere else, on every return of a non-nil result (vikunja's
// func NewSSRFSafeHTTPClient() *http.Client { ... &http.Client{Transport:
// &http.Transport{...}} }, memos' s3.NewClient returning &Client{Client:
// s3.NewFromConfig(cfg)}, pgweb's client.NewFromUrl copying its literal
// into a variable it initialises and returns); its other returns may give a value it
// allocates there instead (homebox's createProxyClient returns a gRPC
// connection's wrapper for one protocol and a fresh HTTP client's for the
// other: which one it builds is configuration). Its calls per request (not per loop
// iteration: in a loop a builder is often given each item's own
// configuration, as memos' presign runner builds an S3 client from each
// attachment's S3 config) are reported, in its package and in others (a
// builds fact): "http.Client from
// utils.NewSSRFSafeHTTPClient, which builds &http.Transport{}, is built
// per request". A loop that itself runs per request (in a handler, or in
// a function a handler calls, directly or in other loops) builds one per
// request at least, whatever each item's configuration, so its calls
// there are reported too, as built "per request, once for each iteration
// of a loop" (gotenberg's downloadFrom builds an outbound HTTP client,
// with a cloned transport, for each URL of a request); not in a loop
// paced by a timer (a retry loop in a handler). A function that may return a client it did not build (a
// cache, a default such as http.DefaultClient), or that also stores what
// it builds, is no builder.
//
// The message names the constructor, the hot context and what each one
// costs. When the client is also never closed, the one finding says both;
// for the constructors unclosed knows (the Kafka clients and
// storage.NewClient) a client that is never closed is left to unclosed,
// whose finding it already is: one bug, one diagnostic.
//
// Wrong:
//
//	func upload(w http.ResponseWriter, r *http.Request) {
//		client, err := storage.NewClient(r.Context())
//		if err != nil {
//			http.Error(w, err.Error(), http.StatusInternalServerError)
//			return
//		}
//		defer client.Close()
//		save(r.Context(), client, r.Body)
//	}
//
// Right:
//
//	type server struct{ gcs *storage.Client } // built once in main
//
//	func (s *server) upload(w http.ResponseWriter, r *http.Request) {
//		save(r.Context(), s.gcs, r.Body)
//	}
//
// The pass stays silent when:
//
//   - the client escapes: it is returned, stored in a field, global, map
//     or slice, sent on a channel, handed to a goroutine, captured by a
//     closure that outlives the call, or passed to a function that keeps
//     it (through the ownership facts of internal/ownership, also across
//     packages), or to a func value or interface method. Constructors,
//     per-tenant caches and lazy initialisation (if c == nil { c = New() }
//     on a field or global) all store it;
//   - it is built in a sync.Once, sync.OnceFunc/OnceValue/OnceValues func,
//     a sync.Pool New func, init, or in a loop directly in main or
//     TestMain; _test.go and generated files are not analysed;
//   - the loop runs a constant number of times of at most 16 (for i := 0;
//     i < 3; i++, range 4, range over an array);
//   - the loop waits on a timer before each client: a statement of its
//     body sleeps (time.Sleep, <-ticker.C, <-time.After(d)), or the client
//     is built in a select case receiving from a timer: a poll or retry
//     loop builds one per interval (a readiness check that opens, pings
//     and closes a DB); a timer in another case does not pace it;
//   - a goroutine started in a loop loops itself: a long-lived worker per
//     item (per topic, per partition) owns its client; and a "for { ... }"
//     loop whose body loops again is a reconnect loop: one client per
//     connection, used by the inner loop;
//   - a cloud.google.com/go constructor is given a credentials option
//     (option.WithTokenSource, WithCredentials, WithCredentialsJSON,
//     WithAuthCredentials): those libraries have no per-call credentials,
//     so a client per caller identity is their API. A per-user client is
//     better cached per user, but that is not a finding;
//   - a confluent-kafka-go consumer the function assigns partitions to
//     itself (consumer.Assign or IncrementalAssign): an ad-hoc read of the
//     partitions and offsets the request picks, which a shared consumer,
//     with one assignment for all, cannot serve (bulker's FailedHandler
//     reads a retry topic from the beginning for each request; a consumer
//     that subscribes to topics per request joins a group each time, and
//     is reported).
//
// A per-call builder counts too: a named function (not a handler, a
// builder, main or init) that, outside any loop and on every call that
// returns normally (the building block dominates every return but those
// returning a non-nil error, or is the default set under a nil check:
// if tr == nil { tr = newTransport() }), builds a client (a
// constructor, a literal, a builder's call, or a call of another per-call
// builder) and neither keeps nor returns it, closing it or dropping it
// (remark42's downloadImage builds a Transport for each image it
// fetches, homebox's forwardToOTLP dials a gRPC connection for each
// export). Its calls per request, in its package and in others (a
// perCall fact), are reported: at the constructor when it is in the
// package of the handler's call, with the call as related information
// ("http.Transport from safehttp.Transport, which builds
// &http.Transport{}, is built on every call of (proxy.Image).downloadImage,
// which a handler calls per request"), else at the call ("(proxy.Image).
// downloadImage builds http.Transport from ... on every call (image.go:214),
// and is called per request here"). A function that builds one only
// under another condition is not one (minio's env.LookupEnv fetches a
// value over HTTP only when it starts with env://). As for builders, its
// calls in loops are reported only where the loop runs per request
// ("... and is called per request here in a loop"), and neither is what a function builds under a nil
// check of a field or package variable that it assigns there (if
// c.httpClient == nil { c.httpClient = configure(...) }: gatus'
// getHTTPClient sets its client up once), which is built once.
//
// A function that a handler of its package calls runs per request too:
// a named function of the package, not itself a handler, a builder or a
// per-call builder, that a handler calls outside any loop, directly or
// through other such functions. What it builds is reported only when it
// returns nothing but errors and values of basic types, so it cannot hand
// what it builds back (minio's newWarmBackendS3 returns a backend whose
// credentials keep a transport: how long that lives is its callers'
// business); the functions it calls are followed either way. What it
// builds, on any of its paths, is reported as built per request, where
// it is built ("s3.Client from s3.NewClient, which builds
// s3.NewFromConfig, is built per request in
// v1.SaveAttachmentBlob, which (v1.APIV1Service).CreateAttachment calls",
// with the call as related information: memos builds an S3 client for
// every attachment upload when attachments are stored in S3), and so are
// its calls of per-call builders of other packages (vikunja's OIDC
// callback reaches utils.DownloadImage, which builds an HTTP client for
// each avatar, through getOrCreateUser and syncUserAvatarFromOpenID). A
// build under a condition counts here, as it does in a handler: the
// requests that take that path build one each, as they would were the
// function's body written in the handler. Calls in a loop are not
// followed (as for builders, each item may carry its own configuration).
//
// Limits: the hot path is otherwise intraprocedural: a function of
// another package that builds a client on some of its calls only has no
// fact, so a handler calling it is not reported (minio's env.Get, which
// builds a transport only for env:// values). Calls through interface
// methods and func values are not followed (the
// cosmos-validators-exporter transport, built in a Get method called per
// scrape through a collector interface, is not reported; nor is dex's
// Atlassian Crowd connector, whose Login and Refresh, called per login
// through dex's connector interfaces, build an http.Transport each; nor
// ech0's egress.Fetch, a per-call builder its website-title endpoint
// reaches through a huma operation, func(ctx, *Input) (*Output, error),
// which is no handler shape of the shared table, and a service
// interface), and the
// methods a framework calls once per item (a stream processor's cache Get
// or Set) are no hot path of their own: redpanda connect's redpanda
// cache builds and pings a kgo client in every Get, a miss. A package
// that imports no client's package is skipped: a client built there
// without naming its package (t.Clone() on an *http.Transport reached
// through another package's field) is not seen. A builder or per-call
// builder of another package is reported at the call per request, not
// where it builds the client (vikunja's NewSSRFSafeHTTPClient is reported
// at its three callers per request): a package is analysed on its own,
// and one bug gets one diagnostic. A client handed to a goroutine the
// handler starts, or to closures and func values it passes on, escapes
// (gotenberg's webhook middleware builds an outbound client per request
// for its asynchronous sender), as does one stored in a global the
// request overwrites (casdoor's ADFS login). A loop off the request path
// whose calls are given something of the item stays silent even when the
// client does not depend on it (gogs' webhook queue delivers each task
// through httplib, which builds a transport for each request it sends; soft-serve's
// mirror job builds an LFS client for each repository from its endpoint).
// A client whose target the request names, through helpers (a "test
// connection" of a DSN the request body gives: komari's install guide
// calls metricstore.TestConnection(ctx, cfg), which opens, pings and
// closes the store; its recovery guide's RecoverStore probes the new
// DSN), is reported as built per request, though connecting to that
// target is the request's purpose: two false findings the pass cannot
// tell from a client rebuilt per request for a fixed target, since the
// DSN's origin in the request is several calls away.
// The bulkerlib SQL stream's init, which builds an S3 client for every
// stream (implementations.NewS3 in abstract_transactional.go, a stream per
// Kafka batch), is a miss: a stream's init is no hot path the pass knows.
//
// The pass has no flags.
package perrequest
