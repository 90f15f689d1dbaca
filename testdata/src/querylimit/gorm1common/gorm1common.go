// Package gorm1common holds the base handle in a global and hands it out
// through getters, as the gin realworld example app's common package does
// (corpus/labels/querylimit.tsv): a chain that starts at GetDB() starts at
// the handle gorm.Open made.
package gorm1common

import "github.com/jinzhu/gorm"

var DB *gorm.DB

// Init returns the global it stored the handle in: a getter too.
func Init() *gorm.DB { // want Init:"freshSession"
	db, _ := gorm.Open("sqlite3", "./gorm.db")
	DB = db
	return DB
}

// GetDB returns the global: a getter of the base handle.
func GetDB() *gorm.DB { // want GetDB:"freshSession"
	return DB
}

// Tenant is no getter: its chain carries a condition of its own, which a
// read through it is judged without.
func Tenant() *gorm.DB {
	return DB.Where("tenant_id = ?", 1)
}

type store struct{ db *gorm.DB }

// Handle is no getter: a field may hold a session its constructor scoped.
func (s *store) Handle() *gorm.DB {
	return s.db
}
