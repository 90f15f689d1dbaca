// Package stores exercises row-bound facts through an interface: a
// parameter is a row bound only when every implementation beside the
// interface passes it to one (juicefs' ObjectStorage.List).
package stores

import (
	"database/sql"
	"net/http"
	"strconv"
)

// ObjectStorage is implemented by an SQL store and a file store.
type ObjectStorage interface {
	List(prefix string, limit int64) ([]string, error)
}

type sqlStore struct{ db *sql.DB }

func (s *sqlStore) List(prefix string, limit int64) ([]string, error) { // want List:`rowBound\(1\)`
	rows, err := s.db.Query(`SELECT k FROM objects WHERE k > ? ORDER BY k LIMIT ?`, prefix, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// fileStore's limit is a directory listing's page size, not a row bound.
type fileStore struct{ names []string }

func (f *fileStore) List(prefix string, limit int64) ([]string, error) {
	var out []string
	for _, n := range f.names {
		if int64(len(out)) >= limit {
			break
		}
		out = append(out, n)
	}
	return out, nil
}

// Fine: the file store beside the SQL one uses limit as a page size.
func ListAll(s ObjectStorage) ([]string, error) {
	return s.List("", 1000000000)
}

// Fine: the same through the request.
func ListHandler(w http.ResponseWriter, r *http.Request, s ObjectStorage) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	s.List("", int64(n))
}

// Feed is implemented by SQL stores only.
type Feed interface {
	Recent(limit int64) ([]string, error)
}

type sqlFeed struct{ db *sql.DB }

func (s *sqlFeed) Recent(limit int64) ([]string, error) { // want Recent:`rowBound\(0\)`
	return (&sqlStore{db: s.db}).List("", limit)
}

func RecentAll(f Feed) ([]string, error) {
	return f.Recent(1000000000) // want `Feed.Recent limit = 1000000000 exceeds 1000 rows`
}

func RecentHandler(w http.ResponseWriter, r *http.Request, f Feed) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	f.Recent(int64(n)) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches Feed.Recent's limit \(a row bound\) with no upper bound`
}
