// Package crosspkg: escape through facts of another package.
package crosspkg

import (
	"database/sql"
	"net/http"

	"perrequest/helper"
)

// registered: helper.Register keeps it (fact retains(0)).
func registered(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn")
	helper.Register(db)
}

// kept: (*helper.Store).Keep keeps its parameter 1 (receiver excluded).
func kept(s *helper.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn")
		s.Keep("x", db)
	}
}

// wrapped: NewStore returns a wrapper of db, which is dropped: per request.
func wrapped(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request and never closed`
	st := helper.NewStore(db)
	_ = st
}

// pinged: Ping only uses it.
func pinged(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // want `sql.DB from sql.Open is built per request`
	defer db.Close()
	helper.Ping(db)
}
