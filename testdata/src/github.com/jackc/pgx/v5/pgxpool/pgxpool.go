// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool v5.12.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Pool is a connection pool.
type Pool struct{}

// Conn is an acquired connection.
type Conn struct{}

// Tx is a transaction on a pool connection.
type Tx struct{}

func New(ctx context.Context, connString string) (*Pool, error) { return nil, nil }

func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { return nil, nil }
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row        { return nil }
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) { return nil, nil }
func (tx *Tx) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)  { return nil, nil }
