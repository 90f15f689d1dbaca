// Package xorm is a stub of xorm.io/xorm v1.4.1 with the exact signatures
// of the methods memlint matches.
package xorm

import "context"

type Engine struct{}

type EngineGroup struct{ *Engine }

type Session struct{}

func (engine *Engine) NewSession() *Session                            { return nil }
func (engine *Engine) Context(ctx context.Context) *Session            { return nil }
func (engine *Engine) Where(query any, args ...any) *Session           { return nil }
func (engine *Engine) Limit(limit int, start ...int) *Session          { return nil }
func (engine *Engine) Find(beans any, condiBeans ...any) error         { return nil }
func (eg *EngineGroup) NewSession() *Session                           { return nil }
func (eg *EngineGroup) Context(ctx context.Context) *Session           { return nil }
func (session *Session) Where(query any, args ...any) *Session         { return session }
func (session *Session) And(query any, args ...any) *Session           { return session }
func (session *Session) Limit(limit int, start ...int) *Session        { return session }
func (session *Session) OrderBy(order any, args ...any) *Session       { return session }
func (session *Session) Select(str string) *Session                    { return session }
func (session *Session) Find(rowsSlicePtr any, condiBean ...any) error { return nil }
