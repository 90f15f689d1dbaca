// Package squirrelrepo reads rows through squirrel's select builder, as
// Focalboard's SQL store does: the text the builder writes is judged as
// written SQL is.
package squirrelrepo

import (
	"database/sql"
	"net/http"
	"strconv"

	sq "github.com/Masterminds/squirrel"
)

type Store struct {
	db          *sql.DB
	tablePrefix string
	sb          sq.StatementBuilderType // the connection's builder
}

type block struct{ ID string }

func (s *Store) builder() sq.StatementBuilderType {
	b := sq.StatementBuilder.PlaceholderFormat(sq.Dollar)
	if s.db != nil {
		b = b.RunWith(s.db)
	}
	return b
}

func scan(rows *sql.Rows) []block { // want scan:"accumulates\\(0\\)"
	defer rows.Close()
	var out []block
	for rows.Next() {
		var b block
		rows.Scan(&b.ID)
		out = append(out, b)
	}
	return out
}

// Blocks pages a board's blocks only when perPage > 0: the path without
// a limit reads every block of the board, which the same query pages on
// its other path.
func (s *Store) Blocks(boardID string, perPage int) []block { // want Blocks:"rowBound\\(1\\)"
	query := s.builder().
		Select("id", "title").
		From(s.tablePrefix + "blocks").
		Where(sq.Eq{"board_id": boardID})
	if perPage > 0 {
		query = query.Limit(uint64(perPage))
	}
	rows, err := query.Query() // want `^every row of this query is appended to out in squirrelrepo\.scan \(no LIMIT on some paths\); page it or stream rows, since the same query is paged on its other paths`
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Children reads one parent's rows and pages them nowhere: small by
// construction, fine.
func (s *Store) Children(parentID string) []block {
	rows, err := s.builder().Select("id").From(s.tablePrefix + "blocks").Where(sq.Eq{"parent_id": parentID}).Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Recent is bounded by a constant limit: fine.
func (s *Store) Recent() []block {
	rows, err := sq.Select("id").From("blocks").OrderBy("update_at DESC").Limit(100).RunWith(s.db).Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Search matches titles in every board, a table the package pages
// elsewhere (Boards): it grows with the data.
func (s *Store) Search(term string) []block {
	query := s.builder().Select("id").From(s.tablePrefix + "boards as b").Where(sq.Like{"b.title": "%" + term + "%"})
	rows, err := query.Query() // want `^every row of this query is appended to out in squirrelrepo\.scan \(no LIMIT\); page it or stream rows, since rows filtered only by title grow with the data \(the package pages boards elsewhere\)`
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Boards pages the boards table with a constant.
func (s *Store) Boards(teamID string, page uint64) []block {
	rows, err := s.builder().Select("id").From(s.tablePrefix + "boards").Where(sq.Eq{"team_id": teamID}).Limit(50).Offset(page * 50).Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Visible has a condition the pass does not read (sq.Or): what it
// selects is unknown, fine.
func (s *Store) Visible(userID string) []block {
	query := s.builder().Select("id").From(s.tablePrefix + "boards").Where(sq.Or{sq.Eq{"type": "O"}, sq.Eq{"user_id": userID}})
	rows, err := query.Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Events runs the builder's text with database/sql: every row of a table
// whose name says it holds events.
func (s *Store) Events() []block {
	text, args, err := sq.Select("id").From("audit_events").ToSql()
	if err != nil {
		return nil
	}
	rows, err := s.db.Query(text, args...) // want `^every row of this query is appended to out in squirrelrepo\.scan \(no LIMIT\); page it or stream rows, since it reads the whole table, which grows with the data \(audit_events holds events or logs\)`
	if err != nil {
		return nil
	}
	return scan(rows)
}

// scoped is a statement builder with a condition of its own: a query
// built on it is not read, fine.
func (s *Store) scoped() sq.StatementBuilderType {
	return sq.StatementBuilder.Where(sq.Eq{"team_id": "0"})
}

func (s *Store) Scoped() []block {
	rows, err := s.scoped().Select("id").From("audit_events").Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Cards takes its page size from the caller and bounds by it on every
// path.
func (s *Store) Cards(boardID string, perPage int) []block { // want Cards:"rowBound\\(1\\)"
	rows, err := s.builder().Select("id").From("blocks").Where(sq.Eq{"board_id": boardID}).Limit(uint64(perPage)).Query()
	if err != nil {
		return nil
	}
	return scan(rows)
}

// HandleCards gives Cards the request's per_page unclamped.
func HandleCards(s *Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
		s.Cards(r.URL.Query().Get("board"), n) // want `^limit from r\.URL\.Query\(\)\.Get\("per_page"\) reaches Store\.Cards.s perPage \(a row bound\) with no upper bound; clamp it`
	}
}

// History reads a table whose name says it holds events through the
// statement builder the store keeps: every row.
func (s *Store) History() []block {
	text, args, err := s.sb.Select("id").From("history").ToSql()
	if err != nil {
		return nil
	}
	rows, err := s.db.Query(text, args...) // want `since it reads the whole table, which grows with the data \(history holds events or logs\)`
	if err != nil {
		return nil
	}
	return scan(rows)
}

// Query adds each condition only when given, and an offset and a limit
// only when asked: with neither condition nor a page size it reads the
// whole blocks table, which the package pages elsewhere (Recent).
func (s *Store) Query(boardID, parentID string, page, perPage int) []block { // want Query:"rowBound\\(3\\)"
	query := s.builder().Select("id").From(s.tablePrefix + "blocks")
	if boardID != "" {
		query = query.Where(sq.Eq{"board_id": boardID})
	}
	if parentID != "" {
		query = query.Where(sq.Eq{"parent_id": parentID})
	}
	if page != 0 {
		query = query.Offset(uint64(page * perPage))
	}
	if perPage > 0 {
		query = query.Limit(uint64(perPage))
	}
	rows, err := query.Query() // want `\(no LIMIT on some paths\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages blocks elsewhere\)`
	if err != nil {
		return nil
	}
	return scan(rows)
}
