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

// A test pages ledger, with a constant and a query of its own: no evidence
// that the package's code expects ledger to grow (readLedger, ledger.go).
const pageLedgerInTest = `SELECT id FROM ledger ORDER BY id LIMIT 50`

func TestLedgerPage(t *testing.T) {
	var db *sql.DB
	rows, _ := db.Query(`SELECT id FROM ledger ORDER BY id LIMIT $1`, 20)
	collect(rows)
}
