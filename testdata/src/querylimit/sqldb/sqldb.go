// Package sqldb exercises database/sql queries.
package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	"querylimit/rowsutil"
)

type User struct {
	ID   int64
	Name string
}

func listAll(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users ORDER BY id") // want `every row of this query is appended to out \(no LIMIT\); page it or stream rows`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Fine: the query has a LIMIT at the top level.
func listPage(ctx context.Context, db *sql.DB, after int64) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users WHERE id > $1 ORDER BY id LIMIT 100", after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out, nil
}

// The LIMIT in the subquery does not bound the outer query.
func subqueryLimit(db *sql.DB) map[int64]string {
	rows, _ := db.Query(`SELECT id, name FROM users WHERE team IN (SELECT id FROM teams LIMIT 5)`) // want `put in map byID \(no LIMIT on the outer query\)`
	byID := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		rows.Scan(&id, &name)
		byID[id] = name
	}
	return byID
}

// Fine: rows are streamed to w, never accumulated.
func stream(db *sql.DB, w func(User) error) error {
	rows, err := db.Query("SELECT id, name FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		if err := w(u); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Fine: batches of 500 are flushed and reset.
func batched(db *sql.DB, flush func([]User)) {
	rows, _ := db.Query("SELECT id, name FROM users")
	var batch []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		batch = append(batch, u)
		if len(batch) == 500 {
			flush(batch)
			batch = batch[:0]
		}
	}
	flush(batch)
}

// Fine: an aggregate without GROUP BY returns one row.
func counts(db *sql.DB) []int {
	rows, _ := db.Query("SELECT count(*), max(id) FROM users")
	var out []int
	for rows.Next() {
		var n, m int
		rows.Scan(&n, &m)
		out = append(out, n, m)
	}
	return out
}

// Fine: QueryRow reads one row.
func one(db *sql.DB) (u User) {
	db.QueryRow("SELECT id, name FROM users").Scan(&u.ID, &u.Name)
	return u
}

const base = "SELECT id, name FROM users"

func concat(tx *sql.Tx, team int) []User {
	rows, _ := tx.Query(base+" WHERE team = ?", team) // want `appended to out \(no LIMIT\)`
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// Fine: the table is chosen at run time, so nothing says it is large
// (the text is still read: the LIMIT it lacks is certain).
func sprintf(conn *sql.Conn, ctx context.Context, table string) []User {
	rows, _ := conn.QueryContext(ctx, fmt.Sprintf("SELECT id, name FROM %s ORDER BY id", table))
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// Fine: the text is unknown at compile time (the where clause could hold a
// LIMIT).
func dynamic(db *sql.DB, where string) []User {
	rows, _ := db.Query("SELECT id, name FROM users " + where)
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

func limitSomePaths(db *sql.DB, limit int) []User {
	q := "SELECT id, name FROM users"
	var args []any
	if limit > 0 {
		q += " LIMIT $1"
		args = append(args, limit)
	}
	rows, _ := db.Query(q, args...) // want `appended to out \(no LIMIT on some paths\)`
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// Fine: a WHERE built piece by piece (nakama's GetUsers). On the path
// where neither list is given the text ends in a bare WHERE, which the
// database rejects, so that path reads no rows; the others are key lists.
func usersByKeys(db *sql.DB, ids, names []string) []User {
	q := "SELECT id, name FROM users WHERE"
	var args []any
	or := false
	if len(ids) > 0 {
		args = append(args, ids)
		q += " id = ANY($1)"
		or = true
	}
	if len(names) > 0 {
		args = append(args, names)
		if or {
			q += " OR"
		}
		q += fmt.Sprintf(" username = ANY($%d)", len(args))
	}
	rows, _ := db.Query(q, args...)
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// The same builder with a filter that is no key: the paths that are valid
// SQL still read rows that grow with the data.
func usersByFilter(db *sql.DB, ids []string, active bool) []User {
	q := "SELECT id, name FROM users WHERE"
	var args []any
	if len(ids) > 0 {
		args = append(args, ids)
		q += " id = ANY($1) AND"
	}
	if active {
		q += " active = true"
	}
	rows, _ := db.Query(q, args...) // want `appended to out \(no LIMIT on some paths\); page it or stream rows, since rows filtered only by active grow with the data`
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// Fine: a search that unions exact matches on key columns with a name
// search capped by its own LIMIT (nakama's console account search): at most
// the sum of its parts.
func searchUsers(db *sql.DB, q string) []User {
	rows, _ := db.Query(`SELECT id, name FROM users WHERE username = $1 OR email = $1
		UNION (SELECT id, name FROM users WHERE name ILIKE $1 LIMIT 100)`, q)
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// The same union with an uncapped part grows with the table.
func searchUsersAll(db *sql.DB, q string) []User {
	rows, _ := db.Query(`SELECT id, name FROM users WHERE username = $1 UNION SELECT id, name FROM users WHERE name ILIKE $1`, q) // want `appended to out \(no LIMIT\)`
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

func prepared(ctx context.Context, db *sql.DB) []User {
	stmt, _ := db.PrepareContext(ctx, "SELECT id, name FROM users WHERE active")
	rows, _ := stmt.QueryContext(ctx) // want `appended to out \(no LIMIT\)`
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

func constantTooBig(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM events ORDER BY id LIMIT 17000") // want `LIMIT 17000 exceeds 1000 rows and every row is appended to ids in rowsutil.Keep; read it in pages of at most 1000`
	_ = rowsutil.Keep(rows)
}

func constantArgTooBig(db *sql.DB) {
	rows, _ := db.Query("SELECT id FROM events ORDER BY id LIMIT $1", 17000) // want `LIMIT \$1 = 17000 exceeds 1000 rows`
	_ = rowsutil.Keep(rows)
}

// Fine: a key lookup returns one row.
func byKey(db *sql.DB, id int64) []User {
	rows, _ := db.Query("SELECT id, name FROM users WHERE id = $1", id)
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// DBTX is the interface sqlc-style code queries through.
type DBTX interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
}

type Queries struct{ db DBTX }

func (q *Queries) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := q.db.QueryContext(ctx, "SELECT id, name FROM users ORDER BY name") // want `appended to items \(no LIMIT\)`
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []User
	for rows.Next() {
		var i User
		if err := rows.Scan(&i.ID, &i.Name); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	return items, nil
}

// Accumulating through a pointer outlives the loop.
func intoPointer(db *sql.DB, out *[]User) {
	rows, _ := db.Query("SELECT id, name FROM users") // want `appended to out \(no LIMIT\)`
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		*out = append(*out, u)
	}
}

// Fine: a slice per row is dropped at the end of the iteration.
func perRow(db *sql.DB, emit func([]string)) {
	rows, _ := db.Query("SELECT id, name FROM users")
	for rows.Next() {
		var id, name string
		rows.Scan(&id, &name)
		var rec []string
		rec = append(rec, id, name)
		emit(rec)
	}
}

// scanUsers is a scan helper: its fact says it accumulates its rows.
func scanUsers(rows *sql.Rows) ([]User, error) { // want scanUsers:`accumulates\(0\)`
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

func viaScanHelper(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users") // want `every row of this query is appended to users in sqldb.scanUsers \(no LIMIT\)`
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// Fine: the helper's query has a LIMIT.
func viaScanHelperPaged(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, name FROM users LIMIT 10")
	if err != nil {
		return nil, err
	}
	return scanUsers(rows)
}

// Fine: printRows streams, so it has no fact.
func printRows(rows *sql.Rows) {
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		fmt.Println(u)
	}
}

func viaStreamHelper(db *sql.DB) {
	rows, _ := db.Query("SELECT id, name FROM users")
	printRows(rows)
}

// Fine: the finding is suppressed with a reason.
func ignored(db *sql.DB) []User {
	//memlint:ignore querylimit the users table is capped at 50 rows by a trigger
	rows, _ := db.Query("SELECT id, name FROM users")
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	return out
}

// Two possible texts with the same bound give one finding.
func twoTexts(db *sql.DB, archived bool) {
	q := "SELECT id FROM events ORDER BY id LIMIT 5000"
	if archived {
		q = "SELECT id FROM archived_events ORDER BY id LIMIT 5000"
	}
	rows, _ := db.Query(q) // want `LIMIT 5000 exceeds 1000 rows`
	_ = rowsutil.Keep(rows)
}

// Fine: the loop stops after max rows.
func upTo(db *sql.DB, max int) []User {
	rows, _ := db.Query("SELECT id, name FROM users ORDER BY id")
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil
		}
		out = append(out, u)
		if len(out) >= max {
			break
		}
	}
	return out
}

// An error check is not a row bound.
func errorExit(db *sql.DB) ([]User, error) {
	rows, err := db.Query("SELECT id, name FROM users ORDER BY id") // want `appended to out \(no LIMIT\)`
	if err != nil {
		return nil, err
	}
	var out []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, err
		}
		if u.ID == 0 {
			continue
		}
		out = append(out, u)
	}
	return out, nil
}

type Post struct {
	ID   int64
	Tags []string
}

// Fine: the slice belongs to the row's own struct, emitted and dropped.
func perRowField(db *sql.DB, emit func(Post)) {
	rows, _ := db.Query("SELECT id, tag FROM posts")
	for rows.Next() {
		var p Post
		var tag string
		rows.Scan(&p.ID, &tag)
		p.Tags = append(p.Tags, tag)
		emit(p)
	}
}

type Page struct{ Items []Post }

// A field of a struct that outlives the loop accumulates.
func intoField(db *sql.DB) *Page {
	page := &Page{}
	rows, _ := db.Query("SELECT id FROM posts") // want `appended to Items \(no LIMIT\)`
	for rows.Next() {
		var p Post
		rows.Scan(&p.ID)
		page.Items = append(page.Items, p)
	}
	return page
}

// posts is paged here, so whole reads of it elsewhere grow.
const pagePosts = `SELECT id FROM posts WHERE id > $1 ORDER BY id LIMIT 50`

var listPostsQuery = `SELECT id FROM posts ORDER BY id`

func globalQuery(db *sql.DB) []int64 {
	rows, _ := db.Query(listPostsQuery) // want `appended to ids \(no LIMIT\)`
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

var reassignedQuery = "SELECT id FROM posts"

// SetQuery makes reassignedQuery unknown at compile time.
func SetQuery(q string) { reassignedQuery = q }

// Fine: the variable is reassigned, its text is unknown.
func reassigned(db *sql.DB) []int64 {
	rows, _ := db.Query(reassignedQuery)
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

// Fine: every row overwrites the same constant key (telegraf's
// tags["event_name"] = name before handing the row on): the map holds one
// entry, whatever the number of rows.
func eachEvent(db *sql.DB, emit func(map[string]string)) {
	rows, _ := db.Query(`SELECT event_name, total FROM events_summary`)
	tags := map[string]string{"server": "db1"}
	for rows.Next() {
		var name, total string
		rows.Scan(&name, &total)
		tags["event_name"] = name
		tags["total"] = total
		emit(tags)
	}
}
