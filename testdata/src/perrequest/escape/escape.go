// Package escape: per-request constructions that outlive the request.
package escape

import (
	"database/sql"
	"net/http"
	"sync"

	"cloud.google.com/go/storage"
	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
)

var (
	mu      sync.Mutex
	db      *sql.DB
	clients = map[string]*grpc.ClientConn{}
	ready   = make(chan *redis.Client, 1)
	once    sync.Once
	gcs     *storage.Client
)

type server struct {
	rdb *redis.Client
}

// lazy initialisation into a global: built once.
func lazy(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	if db == nil {
		db, _ = sql.Open("postgres", "dsn")
	}
	mu.Unlock()
	db.QueryContext(r.Context(), "SELECT 1")
}

// per-tenant cache: stored in a map.
func tenant(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("tenant")
	mu.Lock()
	defer mu.Unlock()
	if _, ok := clients[name]; !ok {
		conn, _ := grpc.NewClient(name)
		clients[name] = conn
	}
}

// lazy field: stored in the receiver.
func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	if s.rdb == nil {
		s.rdb = redis.NewClient(&redis.Options{})
	}
	s.rdb.Get(r.Context(), "k")
}

// sent on a channel to whoever keeps it.
func sent(w http.ResponseWriter, r *http.Request) {
	ready <- redis.NewClient(&redis.Options{})
}

// sync.Once: runs once, whatever encloses it.
func onceInit(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		gcs, _ = storage.NewClient(r.Context())
	})
	gcs.Bucket("b")
}

var getDB = sync.OnceValue(func() *sql.DB {
	db, _ := sql.Open("postgres", "dsn")
	return db
})

func onceValue(w http.ResponseWriter, r *http.Request) {
	getDB().QueryContext(r.Context(), "SELECT 1")
}

// handed to a goroutine that outlives the request.
func background(w http.ResponseWriter, r *http.Request) {
	conn, _ := grpc.NewClient("svc")
	go func() {
		defer conn.Close()
		conn.Invoke(r.Context(), "/m", nil, nil)
	}()
}

// wrapped in a client that is returned from a handler factory's closure is
// still per request; but a wrapper stored in a global escapes.
type wrapper struct{ c *http.Client }

var wrapped *wrapper

func wrapGlobal(w http.ResponseWriter, r *http.Request) {
	wrapped = &wrapper{c: &http.Client{Transport: &http.Transport{}}}
}

// wrapLocal builds the wrapper and drops it: per request.
func wrapLocal(w http.ResponseWriter, r *http.Request) {
	wr := &wrapper{c: &http.Client{Transport: &http.Transport{}}} // want `http.Transport from &http.Transport\{\} is built per request and never closed`
	wr.c.Get("https://example.com")
}
