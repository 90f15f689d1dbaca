// Package maxrows is checked with -max-rows=20000.
package maxrows

import (
	"database/sql"

	"querylimit/rowsutil"
)

// Fine with max-rows=20000.
func underFlag(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM events ORDER BY id LIMIT 17000")
	rows.Close()
}

func overFlag(db *sql.DB) {
	rows, _ := db.Query("SELECT TOP 25000 id FROM events") // want `TOP 25000 exceeds 20000 rows`
	_ = rowsutil.Keep(rows)
}
