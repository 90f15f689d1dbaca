// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool v5.12.0 for
// memlint's tests. This file holds what perrequest inspects.
package pgxpool

func (p *Pool) Close() {}
