// Package xormsess is a service's database package: helpers that return
// xorm sessions, as vikunja's db.NewSession does.
package xormsess

import "xorm.io/xorm"

var x *xorm.Engine

// NewSession returns a new session in a transaction: nothing is added to
// its statement.
func NewSession() *xorm.Session { // want NewSession:`freshSession`
	s := x.NewSession()
	if err := s.Begin(); err != nil {
		panic(err)
	}
	return s
}

// Owned returns a session already given a condition: not fresh.
func Owned(ownerID int64) *xorm.Session {
	return x.NewSession().Where("owner_id = ?", ownerID)
}

// Same returns the session it is given, with whatever its caller added:
// not fresh.
func Same(s *xorm.Session) *xorm.Session {
	return s
}
