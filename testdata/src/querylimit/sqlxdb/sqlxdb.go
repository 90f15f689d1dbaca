// Package sqlxdb exercises sqlx.
package sqlxdb

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Item struct{ ID int64 }

func selectAll(ctx context.Context, db *sqlx.DB) ([]Item, error) {
	var items []Item
	err := db.SelectContext(ctx, &items, "SELECT * FROM items") // want `every row of this query is read into items by sqlx Select \(no LIMIT\)`
	return items, err
}

func selectFunc(db *sqlx.DB) []Item {
	var items []Item
	sqlx.Select(db, &items, "SELECT * FROM items WHERE owner = $1", 7) // want `read into items by sqlx Select`
	return items
}

// Fine: paged.
func selectPage(db *sqlx.DB, after int64) []Item {
	var items []Item
	db.Select(&items, "SELECT * FROM items WHERE id > ? ORDER BY id LIMIT 50", after)
	return items
}

// Fine: Get reads one row.
func get(db *sqlx.DB) (it Item) {
	db.Get(&it, "SELECT * FROM items")
	return it
}

func queryx(tx *sqlx.Tx) []Item {
	rows, _ := tx.Queryx("SELECT * FROM items") // want `appended to out \(no LIMIT\)`
	var out []Item
	for rows.Next() {
		var it Item
		rows.StructScan(&it)
		out = append(out, it)
	}
	return out
}

func named(db *sqlx.DB, owner string) []Item {
	rows, _ := db.NamedQuery("SELECT * FROM items WHERE owner = :owner", map[string]any{"owner": owner}) // want `appended to out \(no LIMIT\)`
	var out []Item
	for rows.Next() {
		var it Item
		rows.StructScan(&it)
		out = append(out, it)
	}
	return out
}

// Fine: ids bound the rows.
func byIDs(db *sqlx.DB, a, b int64) []Item {
	var items []Item
	db.Select(&items, "SELECT * FROM items WHERE id IN (?, ?)", a, b)
	return items
}
