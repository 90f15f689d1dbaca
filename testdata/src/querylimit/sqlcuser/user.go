// Package sqlcuser calls sqlc's generated queries from another package:
// the generated package's facts say which return every row.
package sqlcuser

import (
	"context"

	"querylimit/sqlcgen"
)

func authors(ctx context.Context, q *sqlcgen.Queries) ([]sqlcgen.Author, error) {
	return q.ListAuthors(ctx) // want `^\(\*sqlcgen.Queries\).ListAuthors returns every row of its generated query \(no LIMIT\); add a LIMIT to the query's SQL and page it since it reads the whole table, which grows with the data \(the package pages authors elsewhere\)$`
}

// Fine: one author's books, and a page.
func books(ctx context.Context, q *sqlcgen.Queries, id int64) ([]sqlcgen.Book, error) {
	return q.ListBooksByAuthor(ctx, id)
}

func recent(ctx context.Context, q *sqlcgen.Queries) ([]sqlcgen.Author, error) {
	return q.ListRecentAuthors(ctx, 20)
}

// Fine: a test hook.
func allAuthorsForTesting(ctx context.Context, q *sqlcgen.Queries) ([]sqlcgen.Author, error) {
	return q.ListAuthors(ctx)
}
