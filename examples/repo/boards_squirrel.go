package repo

import (
	"context"
	"database/sql"

	sq "github.com/Masterminds/squirrel"
)

// Board is a row of the boards table.
type Board struct {
	ID    string
	Title string
}

// Boards is a board repository that builds its SQL with squirrel.
type Boards struct {
	DB *sql.DB
}

func (b *Boards) builder() sq.StatementBuilderType {
	return sq.StatementBuilder.PlaceholderFormat(sq.Dollar).RunWith(b.DB)
}

func scanBoards(rows *sql.Rows) ([]Board, error) {
	defer rows.Close()
	var out []Board
	for rows.Next() {
		var x Board
		if err := rows.Scan(&x.ID, &x.Title); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Team pages a team's boards only when perPage > 0. LEAK: perPage 0
// reads every board of the team, which the same query pages otherwise.
func (b *Boards) Team(ctx context.Context, teamID string, perPage int) ([]Board, error) {
	query := b.builder().
		Select("id", "title").
		From("boards").
		Where(sq.Eq{"team_id": teamID}).
		OrderBy("title")
	if perPage > 0 {
		query = query.Limit(uint64(perPage))
	}
	rows, err := query.QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	return scanBoards(rows)
}

// Recent reads the newest boards. OK: a constant LIMIT.
func (b *Boards) Recent(ctx context.Context) ([]Board, error) {
	rows, err := b.builder().Select("id", "title").From("boards").OrderBy("update_at DESC").Limit(50).QueryContext(ctx)
	if err != nil {
		return nil, err
	}
	return scanBoards(rows)
}
