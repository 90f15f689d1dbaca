package growth

import "database/sql"

// The rows variable is assigned on each branch and handed to one scan
// helper after them (ntfy's messagesSinceTime): each query's rows are
// accumulated by collect.
func entriesSince(db *sql.DB, since int64, all bool) ([]Row, error) {
	var rows *sql.Rows
	var err error
	if all {
		rows, err = db.Query(`SELECT id, title FROM entries WHERE created_at >= $1`, since) // want `every row of this query is appended to out in growth\.collect \(no LIMIT\)`
	} else {
		rows, err = db.Query(`SELECT id, title FROM entries WHERE created_at >= $1 AND published`, since) // want `every row of this query is appended to out in growth\.collect \(no LIMIT\)`
	}
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// The same shape, one branch paged: only the other is reported.
func entriesPage(db *sql.DB, since int64, page bool) ([]Row, error) {
	var rows *sql.Rows
	var err error
	if page {
		rows, err = db.Query(`SELECT id, title FROM entries WHERE created_at >= $1 LIMIT 50`, since) // fine: LIMIT 50
	} else {
		rows, err = db.Query(`SELECT id, title FROM entries WHERE created_at >= $1`, since) // want `every row of this query is appended to out in growth\.collect`
	}
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// Rows assigned on each branch and streamed after them: nothing is kept.
func streamEntries(db *sql.DB, all bool, emit func(Row)) error {
	var rows *sql.Rows
	var err error
	if all {
		rows, err = db.Query(`SELECT id, title FROM entries`) // fine: streamed
	} else {
		rows, err = db.Query(`SELECT id, title FROM entries WHERE published`) // fine: streamed
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r Row
		rows.Scan(&r.ID, &r.Name)
		emit(r)
	}
	return rows.Err()
}
