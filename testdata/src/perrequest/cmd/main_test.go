package main

import (
	"database/sql"
	"net/http"
	"testing"
)

// Tests build what they need: _test.go files are not analysed.
func TestHandler(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", "dsn")
		defer db.Close()
	}
	_ = h
}
