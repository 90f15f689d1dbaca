// Package pgx is a stub of github.com/jackc/pgx/v5 v5.12.0 for memlint's
// tests. This file holds what perrequest inspects.
package pgx

import "context"

func (c *Conn) Close(ctx context.Context) error { return nil }
