// Package fetchrepo is a repository whose queries share a helper that runs
// the text and arguments it is given and keeps every row (go-clean-arch's
// fetch): the helper's callers are judged by the text they pass.
package fetchrepo

import (
	"context"
	"database/sql"
)

type Article struct {
	ID    int64
	Title string
}

type Repo struct{ DB *sql.DB }

// fetch runs query with args and appends every row to result.
func (m *Repo) fetch(ctx context.Context, query string, args ...any) ([]Article, error) { // want fetch:`runsQuery\(1,2\)`
	rows, err := m.DB.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var result []Article
	for rows.Next() {
		var a Article
		if err := rows.Scan(&a.ID, &a.Title); err != nil {
			return nil, err
		}
		result = append(result, a)
	}
	return result, nil
}

// Fetch pages by a cursor, num rows at a time: num reaches the LIMIT.
func (m *Repo) Fetch(ctx context.Context, cursor string, num int64) ([]Article, error) { // want Fetch:`rowBound\(2\)`
	query := `SELECT id, title FROM article WHERE created_at > ? ORDER BY created_at LIMIT ?`
	return m.fetch(ctx, query, cursor, num)
}

// All reads every article, which grows with the data and is paged above.
func (m *Repo) All(ctx context.Context) ([]Article, error) {
	return m.fetch(ctx, `SELECT id, title FROM article ORDER BY created_at`) // want `every row of this query is appended to result in Repo.fetch \(no LIMIT\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages article elsewhere\)`
}

// Fine: a key lookup.
func (m *Repo) ByID(ctx context.Context, id int64) (Article, error) {
	res, err := m.fetch(ctx, `SELECT id, title FROM article WHERE id = ?`, id)
	if err != nil || len(res) == 0 {
		return Article{}, err
	}
	return res[0], nil
}
