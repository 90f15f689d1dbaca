// Package builder is a stub of github.com/xorm-io/builder v0.3.13, the
// fork of xorm.io/builder that github.com/xorm-io/xorm uses, with the exact
// declarations memlint matches.
package builder

type Cond interface{}

type Eq map[string]interface{}

type Gt map[string]interface{}

type Lt map[string]interface{}

func And(conds ...Cond) Cond { return nil }
