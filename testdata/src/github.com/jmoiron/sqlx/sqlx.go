// Package sqlx is a stub of github.com/jmoiron/sqlx v1.4.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package sqlx

import (
	"context"
	"database/sql"
)

// DB is a wrapper around sql.DB.
type DB struct {
	*sql.DB
}

// Conn is a wrapper around sql.Conn.
type Conn struct {
	*sql.Conn
}

// Tx is a wrapper around sql.Tx.
type Tx struct {
	*sql.Tx
}

// Rows is a wrapper around sql.Rows.
type Rows struct {
	*sql.Rows
}

// Row is a wrapper around sql.Row.
type Row struct{}

// Queryer is an interface used by Get and Select.
type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

// QueryerContext is an interface used by GetContext and SelectContext.
type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

func Open(driverName, dataSourceName string) (*DB, error) { return nil, nil }

func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func Get(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }

func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error)          { return nil, nil }
func (db *DB) QueryRowx(query string, args ...interface{}) *Row                 { return nil }
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (db *DB) Beginx() (*Tx, error)                                    { return nil, nil }
func (db *DB) NamedQuery(query string, arg interface{}) (*Rows, error) { return nil, nil }

func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error)          { return nil, nil }
func (tx *Tx) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (tx *Tx) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}

func (c *Conn) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}

func (r *Rows) StructScan(dest interface{}) error { return nil }
