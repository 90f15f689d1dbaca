// Package odd has odd but valid Go: generics, method values, closures, goto.
package odd

import (
	"context"
	"database/sql"
	"iter"
	"net/http"
	"strconv"

	"github.com/jmoiron/sqlx"
	"xorm.io/builder"
	"xorm.io/xorm"
)

type Scanner interface{ Scan(dest ...any) error }

// Generic accumulation is still accumulation.
func collect[T any](db *sql.DB, scan func(Scanner) (T, error)) []T {
	rows, _ := db.Query("SELECT * FROM things") // want `appended to out \(no LIMIT\)`
	var out []T
	for rows.Next() {
		v, _ := scan(rows)
		out = append(out, v)
	}
	return out
}

// A method value still calls QueryContext.
func methodValue(ctx context.Context, db *sql.DB) []int {
	query := db.QueryContext
	rows, _ := query(ctx, "SELECT id FROM things") // want `appended to out \(no LIMIT\)`
	var out []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// A closure capturing the slice keeps every row.
func closure(db *sql.DB) []int {
	var out []int
	read := func() {
		rows, _ := db.Query("SELECT id FROM things") // want `appended to out \(no LIMIT\)`
		for rows.Next() {
			var id int
			rows.Scan(&id)
			out = append(out, id)
		}
	}
	read()
	return out
}

// A goto loop has no rows.Next() condition the pass recognises as a loop
// header, but the append still reaches the carried phi.
func gotoLoop(db *sql.DB) []int {
	rows, _ := db.Query("SELECT id FROM things LIMIT 10")
	var out []int
next:
	if rows.Next() {
		var id int
		rows.Scan(&id)
		out = append(out, id)
		goto next
	}
	return out
}

// Recursion through a phi of the query text itself.
func loopText(db *sql.DB, n int) {
	q := "SELECT id FROM things"
	for i := 0; i < n; i++ {
		q = q + " "
	}
	rows, _ := db.Query(q)
	rows.Close()
}

// A generic repository: the type parameter does not hide the Select.
type Repo[T any] struct{ db *sqlx.DB }

func (r *Repo[T]) All() []T {
	var out []T
	r.db.Select(&out, "SELECT * FROM audit_log") // want `read into out by sqlx Select \(no LIMIT\); page it or stream rows, since it reads the whole table, which grows with the data \(audit_log holds events or logs\)`
	return out
}

// Fine: the table is chosen at run time, so nothing says it is large.
func (r *Repo[T]) ByName(table string) []T {
	var out []T
	r.db.Select(&out, "SELECT * FROM "+table)
	return out
}

// Fine: a range-over-func iterator streams rows.
func each(rows *sql.Rows) iter.Seq[int] {
	return func(yield func(int) bool) {
		for rows.Next() {
			var id int
			rows.Scan(&id)
			if !yield(id) {
				return
			}
		}
	}
}

func iterate(db *sql.DB, emit func(int)) {
	rows, _ := db.Query("SELECT id FROM things")
	for id := range each(rows) {
		emit(id)
	}
}

// Fine: a clamp written as a switch.
func switchClamp(r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	switch {
	case n < 1:
		n = 10
	case n > 100:
		n = 100
	}
	rows, _ := db.Query("SELECT id FROM things LIMIT ?", n)
	rows.Close()
}

// Fine: a clamp reached through goto.
func gotoClamp(r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	if n <= 100 {
		goto query
	}
	n = 100
query:
	rows, _ := db.Query("SELECT id FROM things LIMIT ?", n)
	rows.Close()
}

// A deferred closure and a recover do not confuse the loop analysis.
func deferred(db *sql.DB) (out []int) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	rows, _ := db.Query("SELECT id FROM things") // want `appended to out \(no LIMIT\)`
	defer rows.Close()
outer:
	for rows.Next() {
		var id int
		rows.Scan(&id)
		select {
		default:
			out = append(out, id)
			continue outer
		}
	}
	return out
}

// Fine, and fast: one index advanced by four loops and compared at each
// step is a web of phis and dominating comparisons whose backward walks
// branched exponentially before they had a budget (a package of the
// corpus took over four minutes on such a function). Nothing here is
// request input.
func shortestIndent(text []byte) int {
	best := 1 << 30
	pos := 0
	for pos < len(text) && text[pos] != '\n' {
		pos++
	}
	for pos < len(text) {
		pos++
		width := 0
		for pos < len(text) && text[pos] == '\t' {
			width++
			pos++
		}
		if width > 0 && pos < len(text) && text[pos] != '\n' && width < best {
			best = width
		}
		for pos < len(text) && text[pos] != '\n' {
			pos++
		}
	}
	if best == 1<<30 {
		return 0
	}
	return best
}

// A handler calling it: the fast path analyses the package.
func indentHandler(w http.ResponseWriter, r *http.Request) {
	_ = shortestIndent([]byte(r.URL.Query().Get("text")))
}

// A generic model with a TableName method, and builder conditions kept in
// a generic helper: no panic.
type Box[T any] struct{ V T }

func (Box[T]) TableName() string { return "boxes" }

const pageBoxes = "SELECT * FROM boxes LIMIT 10"

func genericModel(x *xorm.Engine) []Box[int] {
	var out []Box[int]
	x.Where(builder.Eq{"kind": 1}).Find(&out) // want `read into out by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by kind grow with the data \(the package pages boxes elsewhere\)`
	return out
}

func genericCond[C builder.Cond](x *xorm.Engine, c C) []Box[string] {
	var out []Box[string]
	x.Where(c).Find(&out) // fine: a condition from the caller is unknown here
	return out
}
