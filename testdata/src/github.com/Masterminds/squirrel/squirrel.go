// Package squirrel is a stub of github.com/Masterminds/squirrel v1.5.4:
// the select builder's methods querylimit reads, with their upstream
// signatures (the builder types are structs here, builder.Builder
// upstream).
package squirrel

import "database/sql"

type Sqlizer interface {
	ToSql() (string, []interface{}, error)
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
}

type BaseRunner interface {
	Execer
	Queryer
}

type RowScanner interface {
	Scan(...interface{}) error
}

type PlaceholderFormat interface {
	ReplacePlaceholders(sql string) (string, error)
}

type dollarFormat struct{}

func (dollarFormat) ReplacePlaceholders(sql string) (string, error) { return sql, nil }

var (
	Question = dollarFormat{}
	Dollar   = dollarFormat{}
)

type Eq map[string]interface{}
type NotEq Eq
type Like map[string]interface{}
type Lt map[string]interface{}
type Gt Lt

type conj []Sqlizer
type And conj
type Or conj

func (eq Eq) ToSql() (sql string, args []interface{}, err error)   { return "", nil, nil }
func (lk Like) ToSql() (sql string, args []interface{}, err error) { return "", nil, nil }
func (o Or) ToSql() (string, []interface{}, error)                 { return "", nil, nil }

type StatementBuilderType struct{ b int }

var StatementBuilder = StatementBuilderType{}.PlaceholderFormat(Question)

func (b StatementBuilderType) Select(columns ...string) SelectBuilder { return SelectBuilder{} }
func (b StatementBuilderType) PlaceholderFormat(f PlaceholderFormat) StatementBuilderType {
	return b
}
func (b StatementBuilderType) RunWith(runner BaseRunner) StatementBuilderType { return b }
func (b StatementBuilderType) Where(pred interface{}, args ...interface{}) StatementBuilderType {
	return b
}

func Select(columns ...string) SelectBuilder { return SelectBuilder{} }

type SelectBuilder struct{ b int }

func (b SelectBuilder) PlaceholderFormat(f PlaceholderFormat) SelectBuilder { return b }
func (b SelectBuilder) RunWith(runner BaseRunner) SelectBuilder             { return b }
func (b SelectBuilder) Query() (*sql.Rows, error)                           { return nil, nil }
func (b SelectBuilder) QueryRow() RowScanner                                { return nil }
func (b SelectBuilder) ToSql() (string, []interface{}, error)               { return "", nil, nil }
func (b SelectBuilder) Distinct() SelectBuilder                             { return b }
func (b SelectBuilder) Columns(columns ...string) SelectBuilder             { return b }
func (b SelectBuilder) From(from string) SelectBuilder                      { return b }
func (b SelectBuilder) FromSelect(from SelectBuilder, alias string) SelectBuilder {
	return b
}
func (b SelectBuilder) Join(join string, rest ...interface{}) SelectBuilder     { return b }
func (b SelectBuilder) LeftJoin(join string, rest ...interface{}) SelectBuilder { return b }
func (b SelectBuilder) Where(pred interface{}, args ...interface{}) SelectBuilder {
	return b
}
func (b SelectBuilder) GroupBy(groupBys ...string) SelectBuilder { return b }
func (b SelectBuilder) OrderBy(orderBys ...string) SelectBuilder { return b }
func (b SelectBuilder) Limit(limit uint64) SelectBuilder         { return b }
func (b SelectBuilder) Offset(offset uint64) SelectBuilder       { return b }
