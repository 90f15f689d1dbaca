package growth

import (
	"database/sql"
	"testing"
)

// Fine: a test reads a whole table of its test database; test code holds
// no production memory.
func TestAllUsers(t *testing.T) {
	var db *sql.DB
	rows, _ := db.Query(`SELECT id, username FROM users`)
	if len(collect(rows)) == 0 {
		t.Fatal("no users")
	}
}
