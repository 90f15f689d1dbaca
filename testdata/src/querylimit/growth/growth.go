// Package growth exercises querylimit's judgement of whether an unbounded
// result grows with the data or is small by construction, and bounds whose
// rows are streamed. The shapes come from the real-world corpus
// (corpus/labels/querylimit.tsv).
package growth

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

type Row struct {
	ID   int64
	Name string
}

func collect(rows *sql.Rows) []Row { // want collect:`accumulates\(0\)`
	defer rows.Close()
	var out []Row
	for rows.Next() {
		var r Row
		rows.Scan(&r.ID, &r.Name)
		out = append(out, r)
	}
	return out
}

// A whole-table read grows with the table.
func allUsers(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id, username FROM users ORDER BY username ASC`) // want `appended to out in growth.collect \(no LIMIT\); page it or stream rows, since it reads the whole table, which grows with the data`
	return collect(rows)
}

// Rows selected by a status and an open range grow with the table: every
// job scheduled after a point in time.
func byStatus(db *sql.DB, since int64) []Row {
	rows, _ := db.Query(`SELECT id, name FROM jobs WHERE state = 'available' AND scheduled_at > $1`, since) // want `since rows filtered only by state, scheduled_at grow with the data`
	return collect(rows)
}

// Rows past a deadline in no particular state grow with the table: every
// row that ever expired and was not deleted.
func expired(db *sql.DB, now int64) []Row {
	rows, _ := db.Query(`SELECT id, name FROM entries WHERE expiry < $1`, now) // want `since rows filtered only by expiry grow with the data`
	return collect(rows)
}

// Fine: the configurations valid now, a part of a table nothing in the
// package pages (a validity window around one instant, not an open range).
func activeConfigs(db *sql.DB, now int64) []Row {
	rows, _ := db.Query(`SELECT id, name FROM configs WHERE from_ts <= $1 AND (thru_ts IS NULL OR thru_ts >= $1) ORDER BY id`, now)
	return collect(rows)
}

// Fine: a work queue's due rows, scheduled messages whose time has come
// and that are not published yet. The job that reads them publishes them
// (published = 1) each run, so it holds what came due since its last run;
// -querylimit.strict reports it.
func due(db *sql.DB, now int64) []Row {
	rows, _ := db.Query(`SELECT id, name FROM messages WHERE time <= ? AND published = 0 ORDER BY time`, now)
	return collect(rows)
}

// Fine: the same for a status column held to the caller's value (the
// queued campaigns whose launch date has passed).
func launchable(db *sql.DB, now int64, queued string) []Row {
	rows, _ := db.Query(`SELECT id, name FROM campaigns WHERE launch_date <= $1 AND status = $2`, now, queued)
	return collect(rows)
}

// A top-level OR can widen a parent's rows to the table.
func parentOr(db *sql.DB, userID int64) []Row {
	rows, _ := db.Query(`SELECT id, name FROM feeds WHERE user_id = $1 OR public`, userID) // want `since the rows it selects grow with the data`
	return collect(rows)
}

// A GROUP BY on a column that is not enum-like has a row per value.
func perUser(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT user_id, count(*) FROM entries GROUP BY user_id`) // want `since it returns a row per user_id of the whole table, which grows with the data`
	return collect(rows)
}

// Fine: the rows of one parent (one user's categories) are small by
// construction; -querylimit.strict reports them.
func categories(db *sql.DB, userID int64) []Row {
	rows, _ := db.Query(`SELECT id, title FROM categories WHERE user_id=$1 ORDER BY title ASC`, userID)
	return collect(rows)
}

// Fine: a parent key on a joined table, qualified.
func icons(db *sql.DB, userID int64) []Row {
	rows, _ := db.Query(`SELECT icons.id, icons.hash FROM icons INNER JOIN feeds ON feeds.icon_id=icons.id WHERE feeds.user_id=$1`, userID)
	return collect(rows)
}

// Fine: a key list on a column not named id has as many rows as keys.
func byTokens(db *sql.DB, tokens []string) []Row {
	rows, _ := db.Query(`SELECT id, token FROM api_keys WHERE token IN (?)`, tokens)
	return collect(rows)
}

// Fine: entry_id = ANY($1), the PostgreSQL key list.
func enclosures(db *sql.DB, ids []int64) []Row {
	rows, _ := db.Query(`SELECT id, url FROM enclosures WHERE entry_id = ANY($1) ORDER BY id ASC`, ids)
	return collect(rows)
}

// Fine: one row per status (a low-cardinality column).
func countByStatus(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT status, count(*) FROM entries GROUP BY status`)
	return collect(rows)
}

// Fine: the conditions are built at run time (one user's feeds on some
// paths, a batch on others): the pass cannot tell what they select.
func jobs(db *sql.DB, conds []string, args []any) []Row {
	q := `SELECT id, feed_url FROM feeds WHERE ` + strings.Join(conds, " AND ") + " ORDER BY next_check_at ASC"
	rows, _ := db.Query(q, args...)
	return collect(rows)
}

// Fine: migration code runs once on tables it owns.
func migrateUsers(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id, username FROM users`)
	return collect(rows)
}

// Fine: the request limit reaches a LIMIT, but every row is written to
// the response as it is read: nothing holds the rows, so the limit bounds
// the database's work and the client's page, not this process's memory.
func streamOut(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, err := db.Query(`SELECT id, name FROM events ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return
	}
	defer rows.Close()
	enc := json.NewEncoder(w)
	for rows.Next() {
		var e Row
		rows.Scan(&e.ID, &e.Name)
		enc.Encode(e)
	}
}

// The same limit with the rows accumulated is a finding.
func accumulate(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, _ := db.Query(`SELECT id, name FROM events ORDER BY id LIMIT $1`, limit) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches LIMIT \$1 with no upper bound`
	json.NewEncoder(w).Encode(collect(rows))
}

// Returned as a cursor, the rows are the caller's: the fact records the
// bound as a cursor's, and each caller is judged by what it does with the
// rows.
func cursor(db *sql.DB, limit int) (*sql.Rows, error) { // want cursor:`rowBound\(1\) cursor\(1\)`
	rows, err := db.Query(`SELECT id, name FROM events ORDER BY id LIMIT $1`, limit)
	return rows, err
}

// Fine: the caller streams the cursor's rows to the response: nothing
// holds them.
func useCursor(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, err := cursor(db, limit)
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var e Row
		rows.Scan(&e.ID, &e.Name)
		json.NewEncoder(w).Encode(e)
	}
}

// The caller keeps every row of the cursor: a finding, naming how.
func keepCursor(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, err := cursor(db, limit) // want `limit from r.URL.Query\(\).Get\("limit"\) reaches growth.cursor's limit \(a row bound\) with no upper bound, so the client picks how many rows are appended to out in growth.collect; clamp it \(min\(n, 1000\)\)`
	if err != nil {
		return
	}
	json.NewEncoder(w).Encode(collect(rows))
}

// A cursor returned again: the fact passes to this function, and its
// caller is judged.
func cursorAgain(db *sql.DB, limit int) (*sql.Rows, error) { // want cursorAgain:`rowBound\(1\) cursor\(1\)`
	return cursor(db, limit)
}

func keepCursorAgain(r *http.Request, db *sql.DB) []Row {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	rows, err := cursorAgain(db, limit) // want `reaches growth.cursorAgain's limit \(a row bound\) with no upper bound, so the client picks how many rows are appended to out in growth.collect`
	if err != nil {
		return nil
	}
	return collect(rows)
}

// Fine: a constant bound above max-rows on a cursor the function returns:
// what the caller does with the rows is not seen here.
func bigCursor(db *sql.DB) (*sql.Rows, error) {
	return db.Query(`SELECT id, name FROM events ORDER BY id LIMIT 17000`)
}

// Fine: a system catalog has one row per schema, table, column or index of
// the database, not per row of user data (spire's test helpers, FerretDB's
// schema list).
func pgTables(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public';`)
	return collect(rows)
}

// Fine: information_schema describes the schema (MySQL and PostgreSQL).
func mysqlTables(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'spire';`)
	return collect(rows)
}

// Fine: a join of two catalogs is still one row per column of the schema.
func pgColumns(db *sql.DB, table string) []Row {
	rows, _ := db.Query(`SELECT a.attnum, a.attname FROM pg_catalog.pg_attribute a
		JOIN pg_catalog.pg_class c ON c.oid = a.attrelid WHERE c.relname = $1`, table)
	return collect(rows)
}

// Fine: SQLite's schema table has one row per table, index, view or trigger.
func sqliteTables(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT rowid, name FROM sqlite_master WHERE type = 'table'`)
	return collect(rows)
}

// A user table named like a catalog is user data.
func catalogBackup(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id, tablename FROM pg_tables_backup`) // want `since it reads the whole table`
	return collect(rows)
}

// A catalog joined with a user table has a row per matching user row.
func catalogJoin(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT u.id, t.tablename FROM pg_tables t JOIN users u ON u.name = t.tablename`) // want `since it reads the whole table`
	return collect(rows)
}

type batchBuilder struct {
	db         *sql.DB
	args       []any
	conditions []string
	batchSize  int
}

// Fine: miniflux's batch builder. The WHERE clause is built at run time,
// and left out when no condition was added: that path is as unknown as the
// conditions (every caller adds a user_id or sets a batch size).
func (b *batchBuilder) fetchJobs() []Row {
	query := `SELECT id, feed_url FROM feeds`
	if len(b.conditions) > 0 {
		query += " WHERE " + strings.Join(b.conditions, " AND ")
	}
	query += " ORDER BY next_check_at ASC"
	if b.batchSize > 0 {
		query += " LIMIT " + strconv.Itoa(b.batchSize)
	}
	rows, _ := b.db.Query(query, b.args...)
	return collect(rows)
}

// A constant WHERE clause added on one path only: the other path reads
// the whole table.
func searchFeeds(db *sql.DB, onlyDisabled bool) []Row {
	query := `SELECT id, feed_url FROM feeds`
	if onlyDisabled {
		query += " WHERE disabled IS true"
	}
	query += " ORDER BY next_check_at ASC"
	rows, _ := db.Query(query) // want `since it reads the whole table`
	return collect(rows)
}

type registry struct {
	db    *sql.DB
	colls map[string]map[string]*Row
	all   []Row
}

// Fine: FerretDB's registry loads the metadata of every collection of a
// database once and keeps it in a field of the receiver. The cache holds
// the whole result by design: a LIMIT would truncate it.
func (r *registry) initCollections(dbName string) error {
	rows, err := r.db.Query(`SELECT _jsonb FROM ` + dbName + `._ferretdb_database_metadata`)
	if err != nil {
		return err
	}
	defer rows.Close()
	colls := map[string]*Row{}
	for rows.Next() {
		var c Row
		rows.Scan(&c.ID, &c.Name)
		colls[c.Name] = &c
	}
	r.colls[dbName] = colls
	return rows.Err()
}

// Fine: the same, a slice stored in the receiver after the loop.
func (r *registry) reload() {
	rows, _ := r.db.Query(`SELECT id, name FROM feeds`)
	defer rows.Close()
	var all []Row
	for rows.Next() {
		var f Row
		rows.Scan(&f.ID, &f.Name)
		all = append(all, f)
	}
	r.all = all
}

var countries []Row

// Fine: rows loaded into a package-level lookup table.
func loadCountries(db *sql.DB) {
	rows, _ := db.Query(`SELECT id, name FROM countries`)
	defer rows.Close()
	for rows.Next() {
		var c Row
		rows.Scan(&c.ID, &c.Name)
		countries = append(countries, c)
	}
}

// An output parameter is how a helper returns rows, not a cache: the
// caller holds the whole table.
func fill(db *sql.DB, dst *registry) {
	rows, _ := db.Query(`SELECT id, name FROM feeds`) // want `appended to all \(no LIMIT\)`
	defer rows.Close()
	var all []Row
	for rows.Next() {
		var f Row
		rows.Scan(&f.ID, &f.Name)
		all = append(all, f)
	}
	dst.all = all
}

// Fine: a test hook in a non-test file, named by Go's convention (spire's
// ListCAJournalsForTesting): test code holds no production memory.
func listJournalsForTesting(db *sql.DB) []Row {
	rows, _ := db.Query(`SELECT id, data FROM ca_journals`)
	return collect(rows)
}
