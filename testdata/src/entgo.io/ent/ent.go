// Package ent is a stub of entgo.io/ent v0.14.6: the import that marks
// a package of generated ent code.
package ent

// Value is the value of a field.
type Value any
