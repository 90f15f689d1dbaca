// Package xorm is a stub of github.com/xorm-io/xorm v1.1.6, casdoor's fork
// of xorm.io/xorm, with the exact signatures of the methods memlint
// matches.
package xorm

type Engine struct{}

type Session struct{}

func (engine *Engine) NewSession() *Session                                            { return nil }
func (engine *Engine) Where(query interface{}, args ...interface{}) *Session           { return nil }
func (engine *Engine) Limit(limit int, start ...int) *Session                          { return nil }
func (engine *Engine) Desc(colNames ...string) *Session                                { return nil }
func (engine *Engine) Find(beans interface{}, condiBeans ...interface{}) error         { return nil }
func (session *Session) Where(query interface{}, args ...interface{}) *Session         { return nil }
func (session *Session) And(query interface{}, args ...interface{}) *Session           { return nil }
func (session *Session) Limit(limit int, start ...int) *Session                        { return nil }
func (session *Session) Desc(colNames ...string) *Session                              { return nil }
func (session *Session) Find(rowsSlicePtr interface{}, condiBean ...interface{}) error { return nil }
