// Package dbwrap hides gorm v1 behind an interface of the service's own,
// so repositories can be tested with a fake: *Db forwards each method to
// the *gorm.DB it holds (statping's database.Database has this shape).
package dbwrap

import (
	"time"

	"github.com/jinzhu/gorm"
)

// Database is the handle repositories are given.
type Database interface {
	Where(query interface{}, args ...interface{}) Database
	Order(value interface{}, reorder ...bool) Database
	Limit(limit interface{}) Database
	Find(out interface{}, where ...interface{}) Database
	Since(t time.Time) Database
	Error() error
}

// Db is the one implementation of Database.
type Db struct {
	Database *gorm.DB
}

// Wrap puts a gorm handle in the wrapper.
func Wrap(db *gorm.DB) Database {
	return &Db{Database: db}
}

// Where forwards to gorm.
func (it *Db) Where(query interface{}, args ...interface{}) Database {
	return Wrap(it.Database.Where(query, args...))
}

// Order forwards to gorm.
func (it *Db) Order(value interface{}, reorder ...bool) Database {
	return Wrap(it.Database.Order(value, reorder...))
}

// Limit forwards to gorm.
func (it *Db) Limit(limit interface{}) Database {
	return Wrap(it.Database.Limit(limit))
}

// Find forwards to gorm.
func (it *Db) Find(out interface{}, where ...interface{}) Database {
	return Wrap(it.Database.Find(out, where...))
}

// Error returns the chain's error.
func (it *Db) Error() error {
	return it.Database.Error
}

// Since narrows the handle to rows created after t, through the
// wrapper's own Where.
func (it *Db) Since(t time.Time) Database {
	return it.Where("created_at > ?", t)
}
