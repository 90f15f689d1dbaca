// Package repo is a repository layer with HTTP handlers, written against the
// real database libraries, in the leaking and the correct form. memlint's
// querylimit pass reports the functions marked LEAK and stays silent on the
// ones marked OK.
package repo

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// User is a row of the users table.
type User struct {
	ID    int64  `db:"id" json:"id"`
	Email string `db:"email" json:"email"`
}

// Users is the database/sql and sqlx user repository.
type Users struct {
	DB  *sql.DB
	DBX *sqlx.DB
}

// All reads the whole table into a slice. LEAK: no LIMIT.
func (u *Users) All(ctx context.Context) ([]User, error) {
	rows, err := u.DB.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var x User
		if err := rows.Scan(&x.ID, &x.Email); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Page reads one keyset page. OK: LIMIT with a clamped size.
func (u *Users) Page(ctx context.Context, after int64, size int) ([]User, error) {
	rows, err := u.DB.QueryContext(ctx,
		"SELECT id, email FROM users WHERE id > $1 ORDER BY id LIMIT $2", after, min(size, 500))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var x User
		if err := rows.Scan(&x.ID, &x.Email); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Export streams every user to emit. OK: nothing is accumulated.
func (u *Users) Export(ctx context.Context, emit func(User) error) error {
	rows, err := u.DB.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x User
		if err := rows.Scan(&x.ID, &x.Email); err != nil {
			return err
		}
		if err := emit(x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ByDomain reads matching users with sqlx. LEAK: no LIMIT.
func (u *Users) ByDomain(ctx context.Context, domain string) ([]User, error) {
	var out []User
	err := u.DBX.SelectContext(ctx, &out, fmt.Sprintf("SELECT id, email FROM %s WHERE email LIKE $1", "users"), "%@"+domain)
	return out, err
}

// Count is one row. OK: an aggregate without GROUP BY.
func (u *Users) Count(ctx context.Context) (int64, error) {
	var n int64
	err := u.DBX.GetContext(ctx, &n, "SELECT count(*) FROM users")
	return n, err
}

// Recent reads a bounded sqlx page. OK: LIMIT 100.
func (u *Users) Recent(ctx context.Context) ([]User, error) {
	var out []User
	err := u.DBX.SelectContext(ctx, &out, "SELECT id, email FROM users ORDER BY id DESC LIMIT 100")
	return out, err
}

// List reads one page of limit users. The limit comes from the caller:
// memlint records that it reaches LIMIT and checks the callers.
func (u *Users) List(ctx context.Context, limit int) ([]User, error) {
	rows, err := u.DB.QueryContext(ctx, "SELECT id, email FROM users ORDER BY id LIMIT $1", limit)
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// Active reads every active user through the scan helper. LEAK: no LIMIT,
// and scanUsers keeps every row.
func (u *Users) Active(ctx context.Context) ([]User, error) {
	rows, err := u.DB.QueryContext(ctx, "SELECT id, email FROM users WHERE active ORDER BY id")
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// scanUsers appends every row to a slice.
func scanUsers(rows *sql.Rows) ([]User, error) {
	defer rows.Close()
	var out []User
	for rows.Next() {
		var x User
		if err := rows.Scan(&x.ID, &x.Email); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
