// Package handlers: every constructor family built per request.
package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/storage"
	"github.com/IBM/sarama"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
	dockerclient "github.com/docker/docker/client"
	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
	kafkago "github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kgo"
	"go.mongodb.org/mongo-driver/mongo"
	"google.golang.org/grpc"
)

func gcs(w http.ResponseWriter, r *http.Request) {
	client, err := storage.NewClient(r.Context()) // want `storage.Client from storage.NewClient is built per request \(its own HTTP connection pool`
	if err != nil {
		return
	}
	defer client.Close()
	client.Bucket("b").Object("o")
}

// gcsNeverClosed is unclosed's finding (storage.NewClient is in its
// table): one bug, one diagnostic.
func gcsNeverClosed(w http.ResponseWriter, r *http.Request) {
	client, _ := storage.NewClient(r.Context())
	client.Bucket("b")
}

func pubsubNeverClosed(w http.ResponseWriter, r *http.Request) {
	client, _ := pubsub.NewClient(r.Context(), "p") // want `pubsub.Client from pubsub.NewClient is built per request and never closed \(`
	client.Topic("t")
}

func awsPerRequest(w http.ResponseWriter, r *http.Request) {
	cfg, err := config.LoadDefaultConfig(r.Context()) // want `aws.Config from config.LoadDefaultConfig is built per request \(a read of the shared config`
	if err != nil {
		return
	}
	client := s3.NewFromConfig(cfg)   // want `s3.Client from s3.NewFromConfig is built per request`
	up := manager.NewUploader(client) // want `manager.Uploader from manager.NewUploader is built per request \(a part-buffer pool`
	up.Upload(r.Context(), &s3.PutObjectInput{Body: r.Body})
}

func kafkaGoWriter(c *gin.Context) {
	w := kafkago.NewWriter(kafkago.WriterConfig{Topic: "t"}) // want `kafka.Writer from kafka.NewWriter is built per request \(its own broker connections`
	defer w.Close()
	w.WriteMessages(c.Request.Context(), kafkago.Message{Value: []byte("v")})
}

func kafkaGoWriterLiteral(c echo.Context) error {
	w := &kafkago.Writer{Addr: kafkago.TCP("k:9092")} // want `kafka.Writer from &kafka.Writer\{\} is built per request`
	defer w.Close()
	return w.WriteMessages(context.Background(), kafkago.Message{})
}

func saramaProducer(w http.ResponseWriter, r *http.Request) {
	p, err := sarama.NewSyncProducer([]string{"k"}, sarama.NewConfig()) // want `sarama.SyncProducer from sarama.NewSyncProducer is built per request`
	if err != nil {
		return
	}
	defer p.Close()
	p.SendMessage(&sarama.ProducerMessage{})
}

func franz(w http.ResponseWriter, r *http.Request) {
	cl, err := kgo.NewClient(kgo.SeedBrokers("k")) // want `kgo.Client from kgo.NewClient is built per request`
	if err != nil {
		return
	}
	defer cl.Close()
	cl.ProduceSync(r.Context(), &kgo.Record{})
}

func confluent(w http.ResponseWriter, r *http.Request) {
	p, err := kafka.NewProducer(&kafka.ConfigMap{}) // want `kafka.Producer from kafka.NewProducer is built per request \(a librdkafka handle`
	if err != nil {
		return
	}
	defer p.Close()
	p.Flush(100)
}

func confluentSubscribed(w http.ResponseWriter, r *http.Request) {
	c, err := kafka.NewConsumer(&kafka.ConfigMap{}) // want `kafka.Consumer from kafka.NewConsumer is built per request \(a librdkafka handle`
	if err != nil {
		return
	}
	defer c.Close()
	c.SubscribeTopics([]string{"events"}, nil)
	c.ReadMessage(time.Second)
}

// confluentAssigned reads the partitions and offsets this request picks
// with a consumer it assigns itself (bulker's FailedHandler reads a retry
// topic from the beginning): a shared consumer, with one assignment for
// all, cannot serve it, so it is fine.
func confluentAssigned(w http.ResponseWriter, r *http.Request) {
	c, err := kafka.NewConsumer(&kafka.ConfigMap{})
	if err != nil {
		return
	}
	defer c.Close()
	topic := r.URL.Query().Get("topic")
	if err := c.Assign([]kafka.TopicPartition{{Topic: &topic, Offset: kafka.OffsetBeginning}}); err != nil {
		return
	}
	c.ReadMessage(time.Second)
}

func grpcDial(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.NewClient("svc:443") // want `grpc.ClientConn from grpc.NewClient is built per request \(its own HTTP/2 connections`
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Invoke(r.Context(), "/m", nil, nil)
}

func grpcDialNeverClosed(w http.ResponseWriter, r *http.Request) {
	conn, _ := grpc.Dial("svc:443") // want `grpc.ClientConn from grpc.Dial is built per request and never closed`
	conn.Invoke(r.Context(), "/m", nil, nil)
}

func sqlOpen(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request \(its own connection pool, so each query dials`
	if err != nil {
		return
	}
	defer db.Close()
	db.QueryContext(r.Context(), "SELECT 1")
}

func sqlxConnect(w http.ResponseWriter, r *http.Request) {
	db, err := sqlx.Connect("postgres", "dsn") // want `sqlx.DB from sqlx.Connect is built per request`
	if err != nil {
		return
	}
	defer db.Close()
	db.Get(nil, "SELECT 1")
}

func pgxPool(w http.ResponseWriter, r *http.Request) {
	pool, err := pgxpool.New(r.Context(), "dsn") // want `pgxpool.Pool from pgxpool.New is built per request`
	if err != nil {
		return
	}
	defer pool.Close()
	pool.QueryRow(r.Context(), "SELECT 1")
}

func pgxConn(w http.ResponseWriter, r *http.Request) {
	conn, err := pgx.Connect(r.Context(), "dsn") // want `pgx.Conn from pgx.Connect is built per request \(a new connection`
	if err != nil {
		return
	}
	defer conn.Close(r.Context())
	conn.QueryRow(r.Context(), "SELECT 1")
}

func mongoConnect(w http.ResponseWriter, r *http.Request) {
	client, err := mongo.Connect(r.Context()) // want `mongo.Client from mongo.Connect is built per request \(its own connection pool per server`
	if err != nil {
		return
	}
	defer client.Disconnect(r.Context())
}

func goRedis(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClient(&redis.Options{Addr: "r:6379"}) // want `redis.Client from redis.NewClient is built per request \(its own connection pool`
	defer rdb.Close()
	rdb.Get(r.Context(), "k")
}

func goRedisCluster(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{}) // want `redis.ClusterClient from redis.NewClusterClient is built per request and never closed`
	rdb.Get(r.Context(), "k")
}

func transport(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `http.Transport from &http.Transport\{\} is built per request and never closed \(its own idle connection pool`
	client.Get("https://example.com")
}

func transportClone(w http.ResponseWriter, r *http.Request) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport from \(http.Transport\).Clone is built per request`
	defer t.CloseIdleConnections()
	(&http.Client{Transport: t}).Get("https://example.com")
}

// noKeepAlives builds a transport per request on purpose (gotenberg's
// pinning proxy): with DisableKeepAlives each connection is closed after
// its request and no idle pool stays, so the cost is a dial, not memory.
func noKeepAlives(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{DisableKeepAlives: true}
	(&http.Client{Transport: t}).Get("https://example.com")
}

// cloneNoKeepAlives turns keep-alives off on its clone: no idle pool either.
func cloneNoKeepAlives(w http.ResponseWriter, r *http.Request) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	(&http.Client{Transport: t}).Get("https://example.com")
}

// keepAlivesFalse sets the field, but to false: its pool stays.
func keepAlivesFalse(w http.ResponseWriter, r *http.Request) {
	t := &http.Transport{DisableKeepAlives: false} // want `http.Transport from &http.Transport\{\} is built per request`
	(&http.Client{Transport: t}).Get("https://example.com")
}

// bareClient uses the default transport: a Client value is cheap.
func bareClient(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 5}
	client.Get("https://example.com")
}

// dumpOut takes a *http.Request but no ResponseWriter: client code builds
// and sends requests too (httputil.DumpRequestOut builds an in-memory
// Transport exactly like this), so it is not known to run per request.
func dumpOut(req *http.Request) {
	t := &http.Transport{}
	defer t.CloseIdleConnections()
	t.RoundTrip(req)
}

// serverHelper takes the ResponseWriter: it certainly runs in a server,
// once per request.
func serverHelper(w http.ResponseWriter, r *http.Request, name string) {
	t := &http.Transport{} // want `http.Transport from &http.Transport\{\} is built per request`
	defer t.CloseIdleConnections()
	t.RoundTrip(r)
}

// shared is the right form: built once, passed in.
type shared struct {
	db  *sql.DB
	gcs *storage.Client
}

func (s *shared) handle(w http.ResponseWriter, r *http.Request) {
	s.db.QueryContext(r.Context(), "SELECT 1")
	s.gcs.Bucket("b")
}

// notAHandler runs as often as its caller decides: it builds a DB on
// every call (its fact), and nothing here calls it per request.
func notAHandler(ctx context.Context) { // want notAHandler:`perCall\(sql.Open\)`
	db, _ := sql.Open("postgres", "dsn")
	defer db.Close()
	db.QueryContext(ctx, "SELECT 1")
}

// closureHandler is a handler literal built in a constructor.
func closureHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request`
		defer db.Close()
	}
}

// keepAlivesSometimes turns keep-alives off only for some requests: the
// others leave a transport with an idle pool behind.
func keepAlivesSometimes(w http.ResponseWriter, r *http.Request) {
	t := http.DefaultTransport.(*http.Transport).Clone() // want `http.Transport from \(http.Transport\).Clone is built per request`
	if r.URL.Query().Get("once") != "" {
		t.DisableKeepAlives = true
	}
	(&http.Client{Transport: t}).Get("https://example.com")
}

// pufferpanel's testDocker on every GET /features: a docker client (its
// own http.Transport over the daemon socket) never closed.
func dockerFeatures(c *gin.Context) {
	d, err := dockerclient.NewClientWithOpts(dockerclient.FromEnv) // want `client.Client from client.NewClientWithOpts is built per request and never closed \(its own http.Transport to the Docker daemon`
	if err != nil {
		return
	}
	_ = d
}

// wings' GetDockerInfo on every GET /api/system: closed, but a new
// transport and connection each time.
func dockerInfo(w http.ResponseWriter, r *http.Request) {
	c, err := dockerclient.NewClientWithOpts(dockerclient.FromEnv, dockerclient.WithAPIVersionNegotiation()) // want `client.Client from client.NewClientWithOpts is built per request \(its own http.Transport to the Docker daemon`
	if err != nil {
		return
	}
	defer c.Close()
}

func dockerEnv(w http.ResponseWriter, r *http.Request) {
	c, err := dockerclient.NewEnvClient() // want `client.Client from client.NewEnvClient is built per request`
	if err != nil {
		return
	}
	defer c.Close()
}
