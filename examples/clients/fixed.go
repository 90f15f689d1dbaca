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

// Server holds every client, built once at startup and shared by all
// requests.
type Server struct {
	gcs     *storage.Client
	events  *kafka.Writer
	backend *grpc.ClientConn
	db      *sql.DB
	rdb     *redis.Client
	http    *http.Client
}

// NewServer builds the clients once.
func NewServer(ctx context.Context) (*Server, error) {
	gcs, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	backend, err := grpc.NewClient("backend:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		gcs.Close()
		return nil, err
	}
	db, err := sql.Open("postgres", "postgres://db/app")
	if err != nil {
		gcs.Close()
		backend.Close()
		return nil, err
	}
	return &Server{
		gcs:     gcs,
		events:  &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: "events"},
		backend: backend,
		db:      db,
		rdb:     redis.NewClient(&redis.Options{Addr: "redis:6379"}),
		http:    &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 10}},
	}, nil
}

// Upload uses the shared storage client.
func (s *Server) Upload(w http.ResponseWriter, r *http.Request) {
	wr := s.gcs.Bucket("uploads").Object(r.URL.Path).NewWriter(r.Context())
	wr.ChunkSize = 0
	if _, err := io.Copy(wr, r.Body); err != nil {
		wr.CloseWithError(err)
		return
	}
	wr.Close()
}

// Publish writes every message with the shared writer, in one batch.
func (s *Server) Publish(ctx context.Context, msgs []kafka.Message) error {
	return s.events.WriteMessages(ctx, msgs...)
}

// Lookup, Query, Cache and Proxy use the shared connection, pools and
// transport.
func (s *Server) Lookup(w http.ResponseWriter, r *http.Request) {
	s.backend.Invoke(r.Context(), "/items.Items/Get", nil, nil)
}

func (s *Server) Query(w http.ResponseWriter, r *http.Request) {
	s.db.QueryRowContext(r.Context(), "SELECT 1")
}

func (s *Server) Cache(w http.ResponseWriter, r *http.Request) {
	s.rdb.Get(r.Context(), r.URL.Path)
}

func (s *Server) Proxy(w http.ResponseWriter, r *http.Request) {
	resp, err := s.http.Get("https://api.example.com" + r.URL.Path)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
