package growth

import (
	"context"
	"database/sql"
	"fmt"
)

const (
	colXID      = "xid"
	colSnapshot = "snapshot"
	tableTx     = "transactions"
)

// A package variable built once from constants with indexed verbs
// (spicedb's newRevisionsQuery): its text is known.
var newRevisionsQuery = fmt.Sprintf(`
	SELECT %[1]s, %[2]s FROM %[3]s
	WHERE %[1]s >= pg_snapshot_xmax($1) OR (
		%[1]s >= pg_snapshot_xmin($1) AND NOT pg_visible_in_snapshot(%[1]s, $1)
	) ORDER BY %[1]s;`, colXID, colSnapshot, tableTx)

func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Every transaction after an old snapshot, appended inside the closure to
// a slice of the enclosing function.
func newRevisions(ctx context.Context, db *sql.DB, snapshot string) ([]int64, error) {
	var ids []int64
	err := inTx(ctx, db, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, newRevisionsQuery, snapshot) // want `every row of this query is appended to ids \(no LIMIT\); page it or stream rows, since rows filtered only by xid grow with the data`
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}

// Fine: the same shape bounded by a constant page (a %d piece).
var pageQuery = fmt.Sprintf(`SELECT %[1]s FROM %[2]s ORDER BY %[1]s LIMIT %[3]d`, colXID, tableTx, 100)

func firstPage(ctx context.Context, db *sql.DB) []Row {
	rows, _ := db.QueryContext(ctx, pageQuery)
	return collect(rows)
}
