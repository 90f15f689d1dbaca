// Package funcvar exercises reads in a function literal that initializes
// a package variable (flagr's var exportFlagSnapshots = func(tmpDB
// *gorm.DB) error { ... }): it is judged like a declared function, though
// SSA puts it in the package's synthetic initializer; and a base handle
// taken through a package variable holding the getter.
package funcvar

import (
	"querylimit/gorm1common"

	"github.com/jinzhu/gorm"
)

type Snapshot struct{ ID int64 }

var getDB = gorm1common.GetDB

// Fine: a page; it also shows that the package pages snapshots.
func Page(n int) []Snapshot { // want Page:`rowBound\(0\)`
	var s []Snapshot
	getDB().Limit(n).Find(&s)
	return s
}

var exportSnapshots = func(tmp *gorm.DB) error {
	var all []Snapshot
	if err := getDB().Find(&all).Error; err != nil { // want `every row of this query is read into all by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages snapshots elsewhere\)`
		return err
	}
	for _, s := range all {
		_ = s
	}
	return nil
}

// Fine: one snapshot's rows by its key, in a literal nested in a
// variable's literal.
var byID = func(id int64) func() []Snapshot {
	return func() []Snapshot {
		var s []Snapshot
		getDB().Where("id = ?", id).Find(&s)
		return s
	}
}
