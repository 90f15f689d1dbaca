// Package builder is a stub of xorm.io/builder v0.3.13 with the exact
// signatures of the types and functions memlint matches.
package builder

import "io"

type Writer interface {
	io.Writer
	Append(...interface{})
}

type Cond interface {
	WriteTo(Writer) error
	And(...Cond) Cond
	Or(...Cond) Cond
	IsValid() bool
}

type Eq map[string]interface{}
type Neq map[string]interface{}
type Lt map[string]interface{}
type Lte map[string]interface{}
type Gt map[string]interface{}
type Gte map[string]interface{}
type Like [2]string
type IsNull [1]string
type NotNull [1]string
type Not [1]Cond

type Between struct {
	Col     string
	LessVal interface{}
	MoreVal interface{}
}

type Builder struct{}

type condAnd []Cond

func (eq Eq) WriteTo(w Writer) error           { return nil }
func (eq Eq) And(conds ...Cond) Cond           { return nil }
func (eq Eq) Or(conds ...Cond) Cond            { return nil }
func (eq Eq) IsValid() bool                    { return len(eq) > 0 }
func (neq Neq) WriteTo(w Writer) error         { return nil }
func (neq Neq) And(conds ...Cond) Cond         { return nil }
func (neq Neq) Or(conds ...Cond) Cond          { return nil }
func (neq Neq) IsValid() bool                  { return len(neq) > 0 }
func (lt Lt) WriteTo(w Writer) error           { return nil }
func (lt Lt) And(conds ...Cond) Cond           { return nil }
func (lt Lt) Or(conds ...Cond) Cond            { return nil }
func (lt Lt) IsValid() bool                    { return len(lt) > 0 }
func (lte Lte) WriteTo(w Writer) error         { return nil }
func (lte Lte) And(conds ...Cond) Cond         { return nil }
func (lte Lte) Or(conds ...Cond) Cond          { return nil }
func (lte Lte) IsValid() bool                  { return len(lte) > 0 }
func (gt Gt) WriteTo(w Writer) error           { return nil }
func (gt Gt) And(conds ...Cond) Cond           { return nil }
func (gt Gt) Or(conds ...Cond) Cond            { return nil }
func (gt Gt) IsValid() bool                    { return len(gt) > 0 }
func (gte Gte) WriteTo(w Writer) error         { return nil }
func (gte Gte) And(conds ...Cond) Cond         { return nil }
func (gte Gte) Or(conds ...Cond) Cond          { return nil }
func (gte Gte) IsValid() bool                  { return len(gte) > 0 }
func (like Like) WriteTo(w Writer) error       { return nil }
func (like Like) And(conds ...Cond) Cond       { return nil }
func (like Like) Or(conds ...Cond) Cond        { return nil }
func (like Like) IsValid() bool                { return len(like[0]) > 0 }
func (isNull IsNull) WriteTo(w Writer) error   { return nil }
func (isNull IsNull) And(conds ...Cond) Cond   { return nil }
func (isNull IsNull) Or(conds ...Cond) Cond    { return nil }
func (isNull IsNull) IsValid() bool            { return len(isNull[0]) > 0 }
func (notNull NotNull) WriteTo(w Writer) error { return nil }
func (notNull NotNull) And(conds ...Cond) Cond { return nil }
func (notNull NotNull) Or(conds ...Cond) Cond  { return nil }
func (notNull NotNull) IsValid() bool          { return len(notNull[0]) > 0 }
func (not Not) WriteTo(w Writer) error         { return nil }
func (not Not) And(conds ...Cond) Cond         { return nil }
func (not Not) Or(conds ...Cond) Cond          { return nil }
func (not Not) IsValid() bool                  { return len(not) > 0 }
func (between Between) WriteTo(w Writer) error { return nil }
func (between Between) And(conds ...Cond) Cond { return nil }
func (between Between) Or(conds ...Cond) Cond  { return nil }
func (between Between) IsValid() bool          { return len(between.Col) > 0 }
func (and condAnd) WriteTo(w Writer) error     { return nil }
func (and condAnd) And(conds ...Cond) Cond     { return nil }
func (and condAnd) Or(conds ...Cond) Cond      { return nil }
func (and condAnd) IsValid() bool              { return len(and) > 0 }

func And(conds ...Cond) Cond                                               { return condAnd(conds) }
func Or(conds ...Cond) Cond                                                { return nil }
func In(col string, values ...interface{}) Cond                            { return nil }
func NotIn(col string, values ...interface{}) Cond                         { return nil }
func Expr(sql string, args ...interface{}) Cond                            { return nil }
func Select(cols ...string) *Builder                                       { return nil }
func (b *Builder) From(subject interface{}, aliasMaybe ...string) *Builder { return b }
func (b *Builder) Where(cond Cond) *Builder                                { return b }

type condEmpty struct{}

func (condEmpty) WriteTo(w Writer) error { return nil }
func (condEmpty) And(conds ...Cond) Cond { return nil }
func (condEmpty) Or(conds ...Cond) Cond  { return nil }
func (condEmpty) IsValid() bool          { return false }

func NewCond() Cond { return condEmpty{} }
