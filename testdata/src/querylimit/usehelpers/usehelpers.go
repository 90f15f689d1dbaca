// Package usehelpers uses helpers' facts across packages.
package usehelpers

import (
	"context"
	"net/http"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"querylimit/helpers"
)

// Fine: helpers.Limit bounds its result.
func clamped(r *http.Request, pool *pgxpool.Pool) {
	rows, _ := pool.Query(context.Background(), "SELECT id FROM t LIMIT $1", helpers.Limit(r))
	rows.Close()
}

func raw(r *http.Request, pool *pgxpool.Pool) {
	rows, _ := pool.Query(context.Background(), "SELECT id FROM t LIMIT $1", helpers.RawLimit(r)) // want `limit from helpers.RawLimit\(r\) reaches LIMIT \$1 with no upper bound, so the client picks how many rows are collected by pgx.CollectRows`
	_, _ = pgx.CollectRows(rows, pgx.RowToStructByName[struct{ ID int64 }])
}
