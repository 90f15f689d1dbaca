package resources

import (
	"go/types"
	"regexp"
	"sort"
	"strings"

	"github.com/memlint/memlint/internal/apimatch"
)

// A Client marks a constructor whose result is a heavy client meant to be
// built once and shared (perrequest): what one costs, and what releases it.
type Client struct {
	// Costs says what each one sets up; it is the parenthesised tail of a
	// message ("its own connection pool and ...").
	Costs string
	// Release lists the methods that release it; none when it has none.
	Release []string
}

const (
	cloudCosts        = "its own gRPC or HTTP connection pool, credential lookup, TLS handshakes and background goroutines"
	kafkaWriter       = "its own broker connections, batching goroutines and write buffers"
	kafkaReader       = "its own broker connections, fetch goroutines and prefetch queue"
	saramaProdCosts   = "its own metadata and broker goroutines, broker connections and message buffers"
	saramaClientCosts = "its own metadata goroutine and broker connections"
	saramaGroup       = "a group join and rebalance, heartbeat goroutines and broker connections"
	librdkafka        = "a librdkafka handle with its own threads, broker connections and queues"
	grpcConn          = "its own HTTP/2 connections, a TLS handshake per connection under TLS credentials, and resolver and balancer goroutines"
	sqlPool           = "its own connection pool, so each query dials and authenticates a new connection, and an opener goroutine"
	redisPool         = "its own connection pool of up to 10 connections per CPU"
	dockerCosts       = "its own http.Transport to the Docker daemon: an idle connection pool, with two goroutines and 8 KiB of buffers per open connection"
	transportCost     = "its own idle connection pool: every connection it opens is dialled and handshaken anew, not reused, with two goroutines and 8 KiB of buffers per connection"
)

var (
	closeRelease      = []string{"Close"}
	saramaRelease     = []string{"Close", "AsyncClose"}
	disconnectRelease = []string{"Disconnect"}
	idleRelease       = []string{"CloseIdleConnections"}
)

// Clients maps the canonical key of a constructor (apimatch.Key) to the
// client it builds. The cloud.google.com/go client constructors are
// matched by CloudClient instead of one line each.
var Clients = map[string]Client{
	"cloud.google.com/go/storage.NewClient":     {"its own HTTP connection pool, credential lookup, TLS handshakes and background goroutines", closeRelease},
	"cloud.google.com/go/storage.NewGRPCClient": {"its own gRPC connection pool, credential lookup, TLS handshakes and background goroutines", closeRelease},

	"github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig":       {"a read of the shared config and credentials files and a credential chain that may call the instance metadata service", nil},
	"github.com/aws/aws-sdk-go-v2/service/s3.NewFromConfig":       {"endpoint, retryer and middleware resolution and, without a shared HTTP client in the config, its own connection pool", nil},
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager.NewUploader": {"a part-buffer pool of Concurrency x PartSize, 25 MiB by default", nil},

	"github.com/segmentio/kafka-go.NewWriter":                      {kafkaWriter, closeRelease},
	"github.com/segmentio/kafka-go.NewReader":                      {kafkaReader, closeRelease},
	"github.com/IBM/sarama.NewClient":                              {saramaClientCosts, closeRelease},
	"github.com/IBM/sarama.NewSyncProducer":                        {saramaProdCosts, closeRelease},
	"github.com/IBM/sarama.NewAsyncProducer":                       {saramaProdCosts, saramaRelease},
	"github.com/IBM/sarama.NewConsumerGroup":                       {saramaGroup, closeRelease},
	"github.com/twmb/franz-go/pkg/kgo.NewClient":                   {"its own broker connections, metadata and producer goroutines and record buffers", closeRelease},
	"github.com/confluentinc/confluent-kafka-go/kafka.NewProducer": {librdkafka, closeRelease},
	"github.com/confluentinc/confluent-kafka-go/kafka.NewConsumer": {librdkafka, closeRelease},

	"google.golang.org/grpc.Dial":                {grpcConn, closeRelease},
	"google.golang.org/grpc.DialContext":         {grpcConn, closeRelease},
	"google.golang.org/grpc.NewClient":           {grpcConn, closeRelease},
	"database/sql.Open":                          {sqlPool, closeRelease},
	"github.com/jmoiron/sqlx.Open":               {sqlPool, closeRelease},
	"github.com/jmoiron/sqlx.Connect":            {sqlPool, closeRelease},
	"github.com/jackc/pgx/pgxpool.New":           {"its own connection pool and health-check goroutine", closeRelease},
	"github.com/jackc/pgx/pgxpool.NewWithConfig": {"its own connection pool and health-check goroutine", closeRelease},
	"github.com/jackc/pgx.Connect":               {"a new connection with its TLS and authentication handshake", closeRelease},
	"go.mongodb.org/mongo-driver/mongo.Connect":  {"its own connection pool per server and monitoring goroutines with heartbeats", disconnectRelease},
	"github.com/redis/go-redis.NewClient":        {redisPool, closeRelease},
	"github.com/redis/go-redis.NewClusterClient": {"a connection pool per node and a cluster-state reloader", closeRelease},
	"github.com/go-redis/redis.NewClient":        {redisPool, closeRelease},
	"github.com/go-redis/redis.NewClusterClient": {"a connection pool per node and a cluster-state reloader", closeRelease},

	"github.com/docker/docker/client.NewClientWithOpts": {dockerCosts, closeRelease},
	"github.com/docker/docker/client.NewEnvClient":      {dockerCosts, closeRelease},

	"(*net/http.Transport).Clone": {transportCost, idleRelease},
}

// ClientLiterals maps the canonical key of a type (apimatch.TypeKey) whose
// composite literal &T{...} builds a heavy shared client.
var ClientLiterals = map[string]Client{
	"net/http.Transport":                   {transportCost, idleRelease},
	"github.com/segmentio/kafka-go.Writer": {kafkaWriter, closeRelease},
}

// ClientPackages are the import paths (apimatch.Imports patterns) of every
// package that declares a constructor of Clients, a type of ClientLiterals
// or a cloud.google.com/go client: a package that imports none of them
// builds no client (perrequest's fast path).
var ClientPackages = clientPackages()

func clientPackages() []string {
	seen := map[string]bool{}
	out := []string{"cloud.google.com/go/..."}
	add := func(key string) {
		path := keyPackage(key)
		if !seen[path] {
			seen[path] = true
			out = append(out, path)
		}
	}
	for k := range Clients {
		add(k)
	}
	for k := range ClientLiterals {
		add(k)
	}
	sort.Strings(out[1:])
	return out
}

var cloudCtor = regexp.MustCompile(`^New(REST|GRPC)?Client$`)

// ClientOf returns the client the function fn constructs, if any: an
// entry of Clients, or a cloud.google.com/go constructor NewClient,
// NewRESTClient or NewGRPCClient returning a *Client-like pointer and an
// error.
func ClientOf(fn *types.Func) (Client, bool) {
	if c, ok := Clients[apimatch.Key(fn)]; ok {
		return c, true
	}
	if fn == nil || fn.Pkg() == nil || !strings.HasPrefix(apimatch.PkgPath(fn.Pkg()), "cloud.google.com/go/") || !cloudCtor.MatchString(fn.Name()) {
		return Client{}, false
	}
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil || sig.Results().Len() != 2 {
		return Client{}, false
	}
	if _, ok := sig.Results().At(0).Type().(*types.Pointer); !ok {
		return Client{}, false
	}
	return Client{cloudCosts, closeRelease}, true
}

// TrackedByUnclosed reports whether unclosed reports a result of the
// constructor key (a function key or a literal's type key) that is never
// closed; perrequest then leaves a never-closed one to unclosed.
func TrackedByUnclosed(key string, literal bool) bool {
	if literal {
		_, ok := Literals[key]
		return ok
	}
	_, ok := Rules[key]
	return ok
}
