// Package pgx is a stub of github.com/jackc/pgx/v5 v5.12.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures (interfaces list only the methods the tests call).
package pgx

import "context"

// Rows is the result set of a query (a subset of the upstream interface).
type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
	Values() ([]any, error)
}

// Row is a single row (a subset of the upstream interface).
type Row interface {
	Scan(dest ...any) error
}

// CollectableRow is the subset of Rows a RowToFunc receives (a subset of
// the upstream interface).
type CollectableRow interface {
	Scan(dest ...any) error
	Values() ([]any, error)
}

// RowToFunc converts a row to a T.
type RowToFunc[T any] func(row CollectableRow) (T, error)

// Conn is a PostgreSQL connection.
type Conn struct{}

// Tx is a database transaction (a subset of the upstream interface).
type Tx interface {
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }

func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) { return nil, nil }
func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) {
	return nil, nil
}
func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	var zero T
	return zero, nil
}
func RowToStructByName[T any](row CollectableRow) (T, error) {
	var zero T
	return zero, nil
}
