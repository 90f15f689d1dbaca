// Package sql is a stub of entgo.io/ent/dialect/sql v0.14.6 with the
// exact signatures of the predicate builders generated code calls.
package sql

type Selector struct{}

func FieldEQ(name string, v any) func(*Selector)                        { return nil }
func FieldGT(name string, v any) func(*Selector)                        { return nil }
func FieldIn[T any](name string, vs ...T) func(*Selector)               { return nil }
func FieldContains(name string, substr string) func(*Selector)          { return nil }
func AndPredicates[P ~func(*Selector)](predicates ...P) func(*Selector) { return nil }
func OrPredicates[P ~func(*Selector)](predicates ...P) func(*Selector)  { return nil }
