package repo

import (
	"context"
	"database/sql"
)

const (
	selectStaleSQL = "SELECT user_id FROM stale_device_lists WHERE is_stale = $1"
	selectUserSQL  = "SELECT user_id FROM stale_device_lists WHERE user_id = $1"
	// The admin page reads the table a page at a time: its authors expect
	// it to be large, which is what makes memlint believe Stale grows.
	selectPageSQL = "SELECT user_id FROM stale_device_lists WHERE user_id > $1 ORDER BY user_id LIMIT 100"
)

// Statements holds queries prepared once, the way many storage layers
// keep them, and run by its methods.
type Statements struct {
	selectStale *sql.Stmt
	selectUser  *sql.Stmt
}

// Prepare prepares every statement.
func Prepare(ctx context.Context, db *sql.DB) (*Statements, error) {
	s := &Statements{}
	var err error
	if s.selectStale, err = db.PrepareContext(ctx, selectStaleSQL); err != nil {
		return nil, err
	}
	if s.selectUser, err = db.PrepareContext(ctx, selectUserSQL); err != nil {
		return nil, err
	}
	return s, nil
}

// Stale lists every user whose device list is stale. LEAK: a boolean
// flag selects a share of the whole table (which the package pages
// elsewhere: selectPageSQL), all kept in the slice.
func (s *Statements) Stale(ctx context.Context) ([]string, error) {
	rows, err := s.selectStale.QueryContext(ctx, true)
	if err != nil {
		return nil, err
	}
	return userIDs(rows)
}

// User reads one user's row. OK: a key equality.
func (s *Statements) User(ctx context.Context, id string) ([]string, error) {
	rows, err := s.selectUser.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	return userIDs(rows)
}

func userIDs(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
