// Package gorm1late exercises gorm chains whose Limit comes after the
// finisher (go-gin-example's tag list: Find runs the query before Offset
// and Limit add their clauses) and reads from a getter of the base handle
// (the gin realworld app's common.GetDB()); both from
// corpus/labels/querylimit.tsv.
package gorm1late

import (
	"github.com/jinzhu/gorm"

	"querylimit/gorm1common"
)

var db *gorm.DB

type Tag struct{ ID int }

// The Limit is chained after Find: every tag the conditions select is read.
func GetTags(pageNum int, pageSize int, maps interface{}) ([]Tag, error) {
	var tags []Tag
	err := db.Where(maps).Find(&tags).Offset(pageNum).Limit(pageSize).Error // want `every row of this query is read into tags by gorm Find: the Limit chained after Find \(gorm1late.go:21\) bounds nothing, since Find has already run the query; move Find after the Limit`
	return tags, err
}

// The same, over several lines.
func recentTags(pageSize int) []Tag {
	var tags []Tag
	db.Where("state = ?", 1). // want `every row of this query is read into tags by gorm Find: the Limit chained after Find \(gorm1late.go:31\)`
					Find(&tags).
					Order("id desc").
					Limit(pageSize)
	return tags
}

// The same, with a comment between Find and what follows it: reported,
// but with no fix, which would delete the comment.
func commentedTags(pageSize int) []Tag {
	var tags []Tag
	db.Where("state = ?", 2).Find(&tags). // want `read into tags by gorm Find: the Limit chained after Find`
		// the newest first
		Order("id desc").Limit(pageSize)
	return tags
}

// Fine: the Limit comes before Find.
func pagedTags(pageNum, pageSize int, maps interface{}) []Tag { // want pagedTags:`rowBound\(1\)`
	var tags []Tag
	db.Where(maps).Offset(pageNum).Limit(pageSize).Find(&tags)
	return tags
}

// Fine: a page is read, then Limit(-1) removes the limit to count every
// row (go-admin's list services).
func pageAndCount(pageSize int) ([]Tag, int) { // want pageAndCount:`rowBound\(0\)`
	var tags []Tag
	var count int
	db.Limit(pageSize).Find(&tags).Limit(-1).Offset(-1).Count(&count)
	return tags, count
}

// Fine: the chain after Find runs again under its Limit (a second read, of
// a page), and the first read is one parent's rows.
func readTwice(articleID, pageSize int) ([]Tag, []Tag) { // want readTwice:`rowBound\(1\)`
	var all, page []Tag
	db.Where("article_id = ?", articleID).Find(&all).Limit(pageSize).Find(&page)
	return all, page
}

// Every tag, from the handle the getter returns.
func getAllTags() ([]Tag, error) {
	d := gorm1common.GetDB()
	var models []Tag
	err := d.Find(&models).Error // want `every row of this query is read into models by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data`
	return models, err
}

// getDB holds the getter, for tests to swap in a fake (flagr's handlers):
// the package assigns it once, so a call of it is a call of the getter.
var getDB = gorm1common.GetDB

// swapped is assigned twice: which function it calls is not known here.
var swapped = gorm1common.Tenant

func init() { swapped = gorm1common.GetDB }

// Every tag, from the handle the getter held in a variable returns.
func getAllTagsVar() ([]Tag, error) {
	var models []Tag
	err := getDB().Find(&models).Error // want `every row of this query is read into models by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table`
	return models, err
}

// Fine: swapped is assigned twice (Tenant, then GetDB): which function a
// call of it runs is not followed.
func swappedTags() []Tag {
	var tags []Tag
	swapped().Find(&tags)
	return tags
}

// Fine: one parent's rows, through the getter (small by construction).
func tagsOf(articleID int) []Tag {
	var tags []Tag
	gorm1common.GetDB().Where("article_id = ?", articleID).Find(&tags)
	return tags
}

// Fine: the helper's chain has a condition of its own, not seen here.
func tenantTags() []Tag {
	var tags []Tag
	gorm1common.Tenant().Find(&tags)
	return tags
}

func paginate(page, size int) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Offset(page * size).Limit(size) }
}

// Fine: a scope may page the read already; the Limit after Find is
// redundant, not the only bound.
func scopedTags(page, size int) []Tag {
	var tags []Tag
	db.Scopes(paginate(page, size)).Find(&tags).Limit(size)
	return tags
}
