package growth

import (
	"database/sql"
	"fmt"
)

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

// One blog's posts are one parent's rows, small by construction on their
// own; but the code pages the same query when page > 0, so its author
// expects many, and page 0 (a sitemap, an export) reads every post
// (writefreely's GetPosts).
func blogPosts(db *sql.DB, blogID int64, page int) ([]Row, error) {
	limit := ""
	if page > 0 {
		limit = fmt.Sprintf(" LIMIT %d, %d", (page-1)*10, 10)
	}
	rows, err := db.Query(`SELECT id, title FROM posts WHERE collection_id = ? ORDER BY created DESC`+limit, blogID) // want `appended to out in growth\.collect \(no LIMIT on some paths\); page it or stream rows, since the same query is paged on its other paths, so its rows can be many`
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// One blog's notes with LIMIT 1 on the other path: that path picks the
// newest note, it does not page, and one blog's notes stay small by
// construction.
func blogPostsOrNewest(db *sql.DB, blogID int64, newest bool) ([]Row, error) {
	q := `SELECT id, title FROM notes WHERE collection_id = ? ORDER BY created DESC`
	if newest {
		q += ` LIMIT 1`
	}
	rows, err := db.Query(q, blogID) // fine: LIMIT 1 does not page; one collection_id's rows
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// One parent's rows with no bound on any path: small by construction.
func blogTags(db *sql.DB, blogID int64) ([]Row, error) {
	rows, err := db.Query(`SELECT id, name FROM tags WHERE collection_id = ?`, blogID) // fine: one collection_id's rows, never paged
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// One user's messages, sent or received: the rows of two parents, small by
// construction like one's (memos' user deletion reads a user's inbox ids).
func userInbox(db *sql.DB, userID int64) ([]Row, error) {
	rows, err := db.Query(`SELECT id, title FROM inbox WHERE sender_id = ? OR receiver_id = ?`, userID, userID) // fine: each part of the OR is one parent's rows
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// A parent's rows or every public one: a union of parts of the table,
// judged like a filter by the table's growth, which nothing in the package
// shows for inbox.
func userOrPublic(db *sql.DB, userID int64) ([]Row, error) {
	rows, err := db.Query(`SELECT id, title FROM inbox WHERE sender_id = ? OR public`, userID) // fine: a filter of a table the package does not show growing
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// A parent's rows or every row whose title matches the caller's pattern:
// a search, as many rows as the pattern matches.
func userOrSearch(db *sql.DB, userID int64, q string) ([]Row, error) {
	rows, err := db.Query(`SELECT id, title FROM inbox WHERE sender_id = ? OR title LIKE ?`, userID, "%"+q+"%") // want `every row of this query is appended to out in growth\.collect \(no LIMIT\); page it or stream rows, since rows filtered only by title grow with the data`
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}

// Two authors' entries, a union of parts of a table the package pages
// (entries, LIMIT 50 above): judged like a filter, and it grows.
func twoAuthors(db *sql.DB, author string) ([]Row, error) {
	rows, err := db.Query(`SELECT id, title FROM entries WHERE author = ? OR author = 'admin'`, author) // want `every row of this query is appended to out in growth\.collect \(no LIMIT\); page it or stream rows, since rows filtered only by author grow with the data \(the package pages entries elsewhere\)`
	if err != nil {
		return nil, err
	}
	return collect(rows), nil
}
