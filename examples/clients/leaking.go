// Package clients is a small service that talks to Cloud Storage, Kafka, a
// gRPC backend, PostgreSQL, Redis and an HTTP API, written both the way
// that builds every client per request or per item (each one a new
// connection pool, goroutines and handshakes) and the way that builds
// them once and shares them.
package clients

import (
	"context"
	"database/sql"
	"io"
	"net/http"

	"cloud.google.com/go/storage"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// LeakyUpload builds a storage client per request (google-cloud-go#2688):
// a new gRPC/HTTP pool, credential lookup and TLS handshakes each time.
func LeakyUpload(w http.ResponseWriter, r *http.Request) {
	client, err := storage.NewClient(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer client.Close()
	wr := client.Bucket("uploads").Object(r.URL.Path).NewWriter(r.Context())
	wr.ChunkSize = 0
	if _, err := io.Copy(wr, r.Body); err != nil {
		wr.CloseWithError(err)
		return
	}
	wr.Close()
}

// LeakyPublish builds a Kafka writer per message (kafka-go#1358).
func LeakyPublish(ctx context.Context, msgs []kafka.Message) error {
	for _, m := range msgs {
		w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka:9092"}, Topic: "events"})
		err := w.WriteMessages(ctx, m)
		w.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// LeakyLookup dials the backend per request.
func LeakyLookup(w http.ResponseWriter, r *http.Request) {
	conn, err := grpc.NewClient("backend:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer conn.Close()
	conn.Invoke(r.Context(), "/items.Items/Get", nil, nil)
}

// LeakyQuery opens a database pool per request: every query dials and
// authenticates a new connection.
func LeakyQuery(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "postgres://db/app")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	db.QueryRowContext(r.Context(), "SELECT 1")
}

// LeakyCache builds a Redis pool per request.
func LeakyCache(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
	defer rdb.Close()
	rdb.Get(r.Context(), r.URL.Path)
}

// LeakyProxy builds an http.Transport per request (incident 5): no
// connection is ever reused, each one dials, handshakes and allocates its
// bufio buffers and goroutines.
func LeakyProxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}}
	resp, err := client.Get("https://api.example.com" + r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
