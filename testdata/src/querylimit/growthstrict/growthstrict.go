// Package growthstrict is checked with -querylimit.strict: results small by
// construction are reported too, saying what would make them grow.
package growthstrict

import "database/sql"

type Row struct{ ID int64 }

func collect(rows *sql.Rows) []Row { // want collect:`accumulates\(0\)`
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		rows.Scan(&r.ID)
		out = append(out, r)
	}
	return out
}

func categories(db *sql.DB, userID int64) []Row {
	rows, _ := db.Query(`SELECT id FROM categories WHERE user_id = $1`, userID) // want `page it or stream rows if one user_id can have many rows`
	return collect(rows)
}

func byTokens(db *sql.DB, tokens []string) []Row {
	rows, _ := db.Query(`SELECT id FROM api_keys WHERE token IN (?)`, tokens) // want `if the key list on token can be long`
	return collect(rows)
}

func countByStatus(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT status, count(*) FROM entries GROUP BY status`) // want `if status can have many values`
	return collect(rows)
}

// Nothing in the package pages settings: reported with -strict only.
func allSettings(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id FROM settings`) // want `page it or stream rows if the table settings can grow large$`
	return collect(rows)
}

func migrateUsers(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id FROM users`) // want `if the table users can grow large`
	return collect(rows)
}

// Fine even so: a key lookup on id returns one row per key.
func byID(db *sql.DB, id int64) []Row {
	rows, _ := db.Query(`SELECT id FROM users WHERE id = $1`, id)
	return collect(rows)
}

func changesBetween(db *sql.DB, from, to int64) []Row {
	rows, _ := db.Query(`SELECT id FROM key_changes WHERE change_id > $1 AND change_id <= $2`, from, to) // want `if the caller's window on change_id can be wide`
	return collect(rows)
}

func due(db *sql.DB, now int64) []Row {
	rows, _ := db.Query(`SELECT id FROM messages WHERE time <= ? AND published = 0`, now) // want `if many rows can come due on time between two runs`
	return collect(rows)
}

const accountsSchema = `CREATE TABLE accounts (localpart TEXT, server_name TEXT, PRIMARY KEY (localpart, server_name))`

func threepids(db *sql.DB, localpart, server string) []Row {
	rows, _ := db.Query(`SELECT id FROM threepids WHERE localpart = $1 AND server_name = $2`, localpart, server) // want `if one localpart can have many rows`
	return collect(rows)
}
