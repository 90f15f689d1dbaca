// Package odd has odd but valid Go: generics, method values, closures, goto.
package odd

import (
	"context"
	"database/sql"
)

type Scanner interface{ Scan(dest ...any) error }

// Generic accumulation is still accumulation.
func collect[T any](db *sql.DB, scan func(Scanner) (T, error)) []T {
	rows, _ := db.Query("SELECT * FROM things") // want `appended to out \(no LIMIT\)`
	var out []T
	for rows.Next() {
		v, _ := scan(rows)
		out = append(out, v)
	}
	return out
}

// A method value still calls QueryContext.
func methodValue(ctx context.Context, db *sql.DB) []int {
	query := db.QueryContext
	rows, _ := query(ctx, "SELECT id FROM things") // want `appended to out \(no LIMIT\)`
	var out []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// A closure capturing the slice keeps every row.
func closure(db *sql.DB) []int {
	var out []int
	read := func() {
		rows, _ := db.Query("SELECT id FROM things") // want `appended to out \(no LIMIT\)`
		for rows.Next() {
			var id int
			rows.Scan(&id)
			out = append(out, id)
		}
	}
	read()
	return out
}

// A goto loop has no rows.Next() condition the pass recognises as a loop
// header, but the append still reaches the carried phi.
func gotoLoop(db *sql.DB) []int {
	rows, _ := db.Query("SELECT id FROM things LIMIT 10")
	var out []int
next:
	if rows.Next() {
		var id int
		rows.Scan(&id)
		out = append(out, id)
		goto next
	}
	return out
}

// Recursion through a phi of the query text itself.
func loopText(db *sql.DB, n int) {
	q := "SELECT id FROM things"
	for i := 0; i < n; i++ {
		q = q + " "
	}
	rows, _ := db.Query(q)
	rows.Close()
}
