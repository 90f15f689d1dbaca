// Package gorm is a stub of github.com/jinzhu/gorm v1.9.16 (gorm v1) for
// memlint's tests: the declarations memlint matches, with the upstream
// signatures; bodies do nothing.
package gorm

import "sync"

// DB is gorm v1's database handle and statement builder.
type DB struct {
	sync.RWMutex
	Value        interface{}
	Error        error
	RowsAffected int64
}

func Open(dialect string, args ...interface{}) (db *DB, err error) { return &DB{}, nil }

func (s *DB) Where(query interface{}, args ...interface{}) *DB { return s }
func (s *DB) Limit(limit interface{}) *DB                      { return s }
func (s *DB) Offset(offset interface{}) *DB                    { return s }
func (s *DB) Order(value interface{}, reorder ...bool) *DB     { return s }
func (s *DB) Scopes(funcs ...func(*DB) *DB) *DB                { return s }
func (s *DB) First(out interface{}, where ...interface{}) *DB  { return s }
func (s *DB) Find(out interface{}, where ...interface{}) *DB   { return s }
func (s *DB) Scan(dest interface{}) *DB                        { return s }
func (s *DB) Pluck(column string, value interface{}) *DB       { return s }
func (s *DB) Raw(sql string, values ...interface{}) *DB        { return s }
func (s *DB) Exec(sql string, values ...interface{}) *DB       { return s }
func (s *DB) Model(value interface{}) *DB                      { return s }
func (s *DB) Table(name string) *DB                            { return s }
func (s *DB) Count(value interface{}) *DB                      { return s }
