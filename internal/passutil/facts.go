package passutil

import (
	"slices"
	"strconv"
	"strings"
)

// Params is a set of parameter indices in a fact, in memlint's one
// convention: the signature's parameters, receiver excluded, counted from
// 0, in increasing order.
type Params []int

// Has reports whether i is in the set.
func (p Params) Has(i int) bool { return slices.Contains(p, i) }

// Add returns the set with i added, kept sorted.
func (p Params) Add(i int) Params {
	if p.Has(i) {
		return p
	}
	p = append(p, i)
	slices.Sort(p)
	return p
}

// Format prints the set as facts print it, name(0,2), or "" when empty.
func (p Params) Format(name string) string {
	if len(p) == 0 {
		return ""
	}
	s := make([]string, len(p))
	for i, x := range p {
		s[i] = strconv.Itoa(x)
	}
	return name + "(" + strings.Join(s, ",") + ")"
}

// JoinFacts joins the non-empty parts of a fact's String.
func JoinFacts(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), " ")
}

// MaxRounds caps FixedPoint: a package's helpers calling helpers converge
// in as many rounds as the longest chain of same-package calls, and
// deeper chains than this are not followed to the end.
const MaxRounds = 8

// FixedPoint runs round until it reports no change, at most MaxRounds
// times: the one way memlint's passes compute summaries and facts of a
// package's functions that depend on each other.
func FixedPoint(round func() (changed bool)) {
	for range MaxRounds {
		if !round() {
			return
		}
	}
}
