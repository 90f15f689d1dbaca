// Package percalllib has a function that builds a client on every call;
// its fact reaches perrequest/percall.
package percalllib

import (
	"context"
	"database/sql"
)

// Count opens a DB for each count it makes.
func Count(ctx context.Context, dsn string) (int, error) { // want Count:`perCall\(sql.Open\)`
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n)
	return n, err
}
