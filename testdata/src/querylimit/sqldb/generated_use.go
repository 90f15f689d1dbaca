package sqldb

import (
	"context"
	"database/sql"
)

// A generated query with no LIMIT returns every row to its caller: the
// finding is where user code calls it.
func listForPage(ctx context.Context, db *sql.DB) ([]User, error) {
	return generatedListUsers(ctx, db) // want `^sqldb.generatedListUsers returns every row of its generated query \(no LIMIT\); add a LIMIT to the query's SQL and page it since it reads the whole table, which grows with the data \(the package pages users elsewhere\)$`
}

// Fine: migration code runs once.
func migrateUsers(ctx context.Context, db *sql.DB) ([]User, error) {
	return generatedListUsers(ctx, db)
}
