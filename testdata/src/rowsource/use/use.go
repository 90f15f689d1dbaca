// Package use calls repo's functions: the facts cross the package
// boundary.
package use

import "rowsource/repo"

// A wrapper of this package returns what a fact says holds rows.
func wrapped(s *repo.Store) []repo.Order { // want wrapped:`rowsResult\(0\)`
	out, _ := s.All()
	return out
}
