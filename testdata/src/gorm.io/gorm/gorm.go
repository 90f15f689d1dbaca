// Package gorm is a stub of gorm.io/gorm v1.31.2 for memlint's tests: it
// declares only what memlint's passes inspect, with the upstream signatures.
package gorm

import (
	"context"
	"database/sql"
)

// DB is gorm's database handle and statement builder.
type DB struct {
	Error        error
	RowsAffected int64
}

func (db *DB) Model(value interface{}) (tx *DB)                       { return db }
func (db *DB) Table(name string, args ...interface{}) (tx *DB)        { return db }
func (db *DB) Select(query interface{}, args ...interface{}) (tx *DB) { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)  { return db }
func (db *DB) Or(query interface{}, args ...interface{}) (tx *DB)     { return db }
func (db *DB) Order(value interface{}) (tx *DB)                       { return db }
func (db *DB) Group(name string) (tx *DB)                             { return db }
func (db *DB) Having(query interface{}, args ...interface{}) (tx *DB) { return db }
func (db *DB) Limit(limit int) (tx *DB)                               { return db }
func (db *DB) Offset(offset int) (tx *DB)                             { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) (tx *DB)                 { return db }
func (db *DB) Preload(query string, args ...interface{}) (tx *DB)     { return db }
func (db *DB) Raw(sql string, values ...interface{}) (tx *DB)         { return db }
func (db *DB) WithContext(ctx context.Context) *DB                    { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)  { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) (tx *DB)   { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)   { return db }
func (db *DB) Count(count *int64) (tx *DB)                            { return db }
func (db *DB) Rows() (*sql.Rows, error)                               { return nil, nil }
func (db *DB) Scan(dest interface{}) (tx *DB)                         { return db }
func (db *DB) Pluck(column string, dest interface{}) (tx *DB)         { return db }
func (db *DB) FindInBatches(dest interface{}, batchSize int, fc func(tx *DB, batch int) error) *DB {
	return db
}
