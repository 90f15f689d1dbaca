// Package maxrows is checked with -max-rows=20000.
package maxrows

import "database/sql"

// Fine with max-rows=20000.
func underFlag(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM events ORDER BY id LIMIT 17000")
	rows.Close()
}

func overFlag(db *sql.DB) {
	rows, _ := db.Query("SELECT TOP 25000 id FROM events") // want `TOP 25000 exceeds 20000 rows`
	_ = keep(rows)
}

// keep holds every row of rows in memory: the limit decides how many.
func keep(rows *sql.Rows) []int { // want keep:`accumulates\(0\)`
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			break
		}
		ids = append(ids, id)
	}
	return ids
}
