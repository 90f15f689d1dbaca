// Package pgxdb exercises pgx v5.
package pgxdb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Event struct{ ID int64 }

func collect(ctx context.Context, pool *pgxpool.Pool) ([]Event, error) {
	rows, err := pool.Query(ctx, "SELECT id FROM events") // want `every row of this query is collected by pgx.CollectRows \(no LIMIT\)`
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Event])
}

func appendRows(ctx context.Context, conn *pgx.Conn, dst []Event) ([]Event, error) {
	rows, _ := conn.Query(ctx, "SELECT id FROM events WHERE kind = $1", "x") // want `appended to dst by pgx.AppendRows`
	return pgx.AppendRows(dst, rows, pgx.RowToStructByName[Event])
}

// Fine: FETCH FIRST bounds it.
func fetchFirst(ctx context.Context, tx pgx.Tx) ([]Event, error) {
	rows, _ := tx.Query(ctx, "SELECT id FROM events ORDER BY id FETCH FIRST 100 ROWS ONLY")
	return pgx.CollectRows(rows, pgx.RowToStructByName[Event])
}

func loop(ctx context.Context, tx pgx.Tx) []int64 {
	rows, _ := tx.Query(ctx, "SELECT id FROM events") // want `appended to ids \(no LIMIT\)`
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// Fine: CollectOneRow reads one row.
func one(ctx context.Context, pool *pgxpool.Pool) (Event, error) {
	rows, _ := pool.Query(ctx, "SELECT id FROM events")
	return pgx.CollectOneRow(rows, pgx.RowToStructByName[Event])
}
