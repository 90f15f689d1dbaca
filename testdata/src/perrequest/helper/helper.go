// Package helper keeps or wraps what it is given; its facts reach
// perrequest/crosspkg.
package helper

import (
	"database/sql"
	"net/http"
)

var registry []*sql.DB

// Register keeps db in a global slice.
func Register(db *sql.DB) { // want Register:`retains\(0\)`
	registry = append(registry, db)
}

// Store wraps db in a Store that is returned.
type Store struct{ db *sql.DB }

func NewStore(db *sql.DB) *Store { // want NewStore:`returns\(0\)`
	return &Store{db: db}
}

// Keep stores db in the receiver: retains(0), the receiver excluded.
func (s *Store) Keep(name string, db *sql.DB) { // want Keep:`retains\(1\)`
	s.db = db
}

// Ping only uses db.
func Ping(db *sql.DB) error { return db.Ping() }

var proxies = map[string]*proxy{}

// Mount keeps t inside a proxy stored in a global map.
func Mount(name string, t *http.Transport) { // want Mount:`retains\(1\)`
	proxies[name] = &proxy{t: t}
}

type proxy struct{ t *http.Transport }

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
