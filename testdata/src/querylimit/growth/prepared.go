package growth

import (
	"context"
	"database/sql"
)

// Statements prepared once into struct fields and run elsewhere, as
// dendrite's storage tables do (corpus/labels/querylimit.tsv).

const (
	selectStaleSQL    = "SELECT user_id FROM stale_device_lists WHERE is_stale = $1 ORDER BY ts_added_secs DESC"
	selectByDomainSQL = "SELECT user_id FROM stale_device_lists WHERE is_stale = $1 AND domain = $2"
	selectOneSQL      = "SELECT user_id FROM stale_device_lists WHERE user_id = $1"
)

type statements struct {
	selectStale    *sql.Stmt
	selectByDomain *sql.Stmt
	selectOne      *sql.Stmt
	selectAll      *sql.Stmt
	either         *sql.Stmt
}

type stmtPair struct {
	stmt **sql.Stmt
	sql  string
}

type stmtList []stmtPair

func (l stmtList) Prepare(db *sql.DB) error {
	for _, p := range l {
		var err error
		if *p.stmt, err = db.Prepare(p.sql); err != nil {
			return err
		}
	}
	return nil
}

func newStatements(db *sql.DB, archived bool) (*statements, error) {
	s := &statements{}
	var err error
	if s.selectAll, err = db.Prepare(`SELECT user_id FROM devices`); err != nil {
		return nil, err
	}
	// Two texts for one field: which one a call runs is unknown.
	if archived {
		s.either, err = db.Prepare(`SELECT user_id FROM devices`)
	} else {
		s.either, err = db.Prepare(`SELECT user_id FROM devices WHERE user_id = $1`)
	}
	if err != nil {
		return nil, err
	}
	return s, stmtList{
		{&s.selectStale, selectStaleSQL},
		{&s.selectByDomain, selectByDomainSQL},
		{&s.selectOne, selectOneSQL},
	}.Prepare(db)
}

func (s *statements) stale(ctx context.Context) []Row {
	rows, _ := s.selectStale.QueryContext(ctx, true) // want `appended to out in growth.collect \(no LIMIT\); page it or stream rows, since rows filtered only by is_stale grow with the data`
	return collect(rows)
}

func (s *statements) staleIn(ctx context.Context, domains []string) []Row {
	var all []Row
	for _, d := range domains {
		rows, _ := s.selectByDomain.QueryContext(ctx, true, d) // want `since rows filtered only by is_stale, domain grow with the data`
		all = append(all, collect(rows)...)
	}
	return all
}

func (s *statements) devices() []Row {
	rows, _ := s.selectAll.Query() // want `since it reads the whole table`
	return collect(rows)
}

// Fine: one user's row, a key equality.
func (s *statements) one(ctx context.Context, id string) []Row {
	rows, _ := s.selectOne.QueryContext(ctx, id)
	return collect(rows)
}

// Fine: the field holds one of two texts; which one is unknown.
func (s *statements) eitherRows(ctx context.Context, id string) []Row {
	rows, _ := s.either.QueryContext(ctx, id)
	return collect(rows)
}

var current stmtPair

// Fine, and no crash: the address of a statement field stored in a field
// of a package variable (no literal to pair it with a text).
func (s *statements) useCurrent() {
	current.stmt = &s.selectAll
}
