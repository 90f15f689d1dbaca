package repo

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Event is a row of the events table.
type Event struct {
	ID   int64  `db:"id" json:"id"`
	Kind string `db:"kind" json:"kind"`
}

// Events is the pgx event repository.
type Events struct{ Pool *pgxpool.Pool }

// ForDay collects every event of a day. LEAK: no LIMIT (incident 4 read
// 17,000 rows like this at once).
func (e *Events) ForDay(ctx context.Context, day string) ([]Event, error) {
	rows, err := e.Pool.Query(ctx, "SELECT id, kind FROM events WHERE day = $1 ORDER BY id", day)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Event])
}

// ForDayChunk collects one chunk of 1,000 events. OK: the fix of incident 4.
func (e *Events) ForDayChunk(ctx context.Context, day string, after int64) ([]Event, error) {
	rows, err := e.Pool.Query(ctx,
		"SELECT id, kind FROM events WHERE day = $1 AND id > $2 ORDER BY id LIMIT 1000", day, after)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Event])
}

// Backfill collects a huge constant page. LEAK: LIMIT 17000 exceeds
// max-rows, and every row is held at once (incident 4's shape).
func (e *Events) Backfill(ctx context.Context) ([]Event, error) {
	rows, err := e.Pool.Query(ctx, "SELECT id, kind FROM events ORDER BY id LIMIT 17000")
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByName[Event])
}

// Stream hands out a cursor over a huge constant page. OK for memory here:
// the caller decides whether it holds the rows, and memlint does not see it.
func (e *Events) Stream(ctx context.Context) (pgx.Rows, error) {
	return e.Pool.Query(ctx, "SELECT id, kind FROM events ORDER BY id LIMIT 17000")
}

// Page returns a cursor over one page of events, its size the caller's:
// memlint records that limit reaches the LIMIT of a returned cursor and
// judges each caller by what it does with the rows.
func (e *Events) Page(ctx context.Context, limit int) (pgx.Rows, error) {
	return e.Pool.Query(ctx, "SELECT id, kind FROM events ORDER BY id LIMIT $1", limit)
}
