// Package xorm is a stub of xorm.io/xorm v1.4.1 with the exact signatures
// of the methods memlint matches.
package xorm

import "context"

type Engine struct{}

type EngineGroup struct{ *Engine }

type Session struct{}

type IterFunc func(idx int, bean any) error

type Rows struct{}

func (engine *Engine) NewSession() *Session                   { return nil }
func (engine *Engine) Context(ctx context.Context) *Session   { return nil }
func (engine *Engine) Where(query any, args ...any) *Session  { return nil }
func (engine *Engine) Limit(limit int, start ...int) *Session { return nil }
func (engine *Engine) SQL(query any, args ...any) *Session    { return nil }
func (engine *Engine) ID(id any) *Session                     { return nil }
func (engine *Engine) In(column string, args ...any) *Session { return nil }
func (engine *Engine) Table(tableNameOrBean any) *Session     { return nil }
func (engine *Engine) Desc(colNames ...string) *Session       { return nil }
func (engine *Engine) Asc(colNames ...string) *Session        { return nil }
func (engine *Engine) Join(joinOperator string, tablename, condition any, args ...any) *Session {
	return nil
}
func (engine *Engine) Find(beans any, condiBeans ...any) error                        { return nil }
func (engine *Engine) FindAndCount(rowsSlicePtr any, condiBean ...any) (int64, error) { return 0, nil }
func (engine *Engine) Get(beans ...any) (bool, error)                                 { return false, nil }
func (engine *Engine) Count(bean ...any) (int64, error)                               { return 0, nil }
func (engine *Engine) Iterate(bean any, fun IterFunc) error                           { return nil }
func (engine *Engine) Rows(bean any) (*Rows, error)                                   { return nil, nil }
func (eg *EngineGroup) NewSession() *Session                                          { return nil }
func (eg *EngineGroup) Context(ctx context.Context) *Session                          { return nil }
func (session *Session) Close() error                                                 { return nil }
func (session *Session) Begin() error                                                 { return nil }
func (session *Session) Context(ctx context.Context) *Session                         { return session }
func (session *Session) Where(query any, args ...any) *Session                        { return session }
func (session *Session) And(query any, args ...any) *Session                          { return session }
func (session *Session) Or(query any, args ...any) *Session                           { return session }
func (session *Session) In(column string, args ...any) *Session                       { return session }
func (session *Session) ID(id any) *Session                                           { return session }
func (session *Session) SQL(query any, args ...any) *Session                          { return session }
func (session *Session) Table(tableNameOrBean any) *Session                           { return session }
func (session *Session) Limit(limit int, start ...int) *Session                       { return session }
func (session *Session) OrderBy(order any, args ...any) *Session                      { return session }
func (session *Session) Desc(colNames ...string) *Session                             { return session }
func (session *Session) Asc(colNames ...string) *Session                              { return session }
func (session *Session) GroupBy(keys string) *Session                                 { return session }
func (session *Session) Select(str string) *Session                                   { return session }
func (session *Session) Join(joinOperator string, tablename, condition any, args ...any) *Session {
	return session
}
func (session *Session) Find(rowsSlicePtr any, condiBean ...any) error { return nil }
func (session *Session) FindAndCount(rowsSlicePtr any, condiBean ...any) (int64, error) {
	return 0, nil
}
func (session *Session) Get(beans ...any) (bool, error)       { return false, nil }
func (session *Session) Count(bean ...any) (int64, error)     { return 0, nil }
func (session *Session) Iterate(bean any, fun IterFunc) error { return nil }
func (session *Session) Rows(bean any) (*Rows, error)         { return nil, nil }
