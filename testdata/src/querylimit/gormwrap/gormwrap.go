// Package gormwrap hides gorm v1 behind an interface of its own, as
// statping's database package does (corpus/labels/querylimit.tsv): *Db
// forwards each method to the *gorm.DB it holds, so a chain built on a
// Database is a gorm chain.
package gormwrap

import (
	"time"

	"github.com/jinzhu/gorm"
)

type Database interface {
	Where(query interface{}, args ...interface{}) Database // want Where:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\)`
	Limit(value int) Database                              // want Limit:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Limit\)`
	Order(value interface{}, reorder ...bool) Database     // want Order:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Order\)`
	Find(out interface{}, where ...interface{}) Database   // want Find:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Find\)`
	// Since adds a condition of its own, the same in every implementation.
	Since(t time.Time) Database // want Since:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at > \?"\)`
	// No fact: its implementations add different conditions.
	Recent() Database
}

type Db struct {
	Database *gorm.DB
}

// Wrap puts a gorm handle back in the wrapper.
func Wrap(db *gorm.DB) Database {
	return &Db{Database: db}
}

func (it *Db) Where(query interface{}, args ...interface{}) Database { // want Where:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\)`
	return Wrap(it.Database.Where(query, args...))
}

func (it *Db) Limit(value int) Database { // want Limit:`rowBound\(0\) negativeUnbounded\(0\) forwards\(\(\*github.com/jinzhu/gorm.DB\).Limit\)`
	return Wrap(it.Database.Limit(value))
}

func (it *Db) Order(value interface{}, reorder ...bool) Database { // want Order:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Order\)`
	return Wrap(it.Database.Order(value, reorder...))
}

func (it *Db) Find(out interface{}, where ...interface{}) Database { // want Find:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Find\)`
	return Wrap(it.Database.Find(out, where...))
}

// A method of another name that adds a constant condition to the chain:
// a chain through it is judged with that condition.
func (it *Db) Since(t time.Time) Database { // want Since:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at > \?"\)`
	return Wrap(it.Database.Where("created_at > ?", t))
}

// The same through the wrapper's own Where, as statping writes it.
func (it *Db) Between(t1, t2 time.Time) Database { // want Between:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at BETWEEN \? AND \?"\)`
	return it.Where("created_at BETWEEN ? AND ?", t1, t2)
}

func (it *Db) Recent() Database { // want Recent:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at > now\(\) - interval '1 day'"\)`
	return it.Where("created_at > now() - interval '1 day'")
}

// No fact: the condition is built at run time.
func (it *Db) Named(col string) Database {
	return it.Where(col + " = ?")
}

// No fact: two conditions.
func (it *Db) Window(t1, t2 time.Time) Database {
	return it.Where("created_at > ?", t1).Where("created_at < ?", t2)
}

// No fact: it adds a Limit too.
func (it *Db) Latest(t time.Time) Database {
	return Wrap(it.Database.Where("created_at > ?", t).Limit(10))
}

// Other implements Database with another Recent: Database.Recent gets no
// fact, since what it selects depends on the implementation.
type Other struct{ Database *gorm.DB }

func (o *Other) Recent() Database { // want Recent:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at > now\(\) - interval '1 hour'"\)`
	return Wrap(o.Database.Where("created_at > now() - interval '1 hour'"))
}

func (o *Other) Where(query interface{}, args ...interface{}) Database { // want Where:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\)`
	return Wrap(o.Database.Where(query, args...))
}

func (o *Other) Limit(value int) Database { // want Limit:`rowBound\(0\) negativeUnbounded\(0\) forwards\(\(\*github.com/jinzhu/gorm.DB\).Limit\)`
	return Wrap(o.Database.Limit(value))
}

func (o *Other) Order(value interface{}, reorder ...bool) Database { // want Order:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Order\)`
	return Wrap(o.Database.Order(value, reorder...))
}

func (o *Other) Find(out interface{}, where ...interface{}) Database { // want Find:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Find\)`
	return Wrap(o.Database.Find(out, where...))
}

func (o *Other) Since(t time.Time) Database { // want Since:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Where\) where\("created_at > \?"\)`
	return Wrap(o.Database.Where("created_at > ?", t))
}

// Finder has two implementations: *Db forwards Find, Capped bounds it,
// so Finder.Find gets no fact.
type Finder interface {
	Find(out interface{}, where ...interface{}) Database
}

type Capped struct {
	db *gorm.DB
}

// No fact: the chain it calls Find on has a Limit of its own.
func (c Capped) Find(out interface{}, where ...interface{}) Database {
	return Wrap(c.db.Limit(100).Find(out, where...))
}

// Plain forwards on a value receiver.
type Plain struct {
	db *gorm.DB
}

func (p Plain) Find(out interface{}, where ...interface{}) *gorm.DB { // want Find:`forwards\(\(\*github.com/jinzhu/gorm.DB\).Find\)`
	return p.db.Find(out, where...)
}

// No fact: it passes its arguments in another order.
func (p Plain) Where(args interface{}, query interface{}) *gorm.DB {
	return p.db.Where(query, args)
}
