package repo

import (
	"time"

	"github.com/jinzhu/gorm"
)

// Entry is a row of a registration-entries table kept with gorm v1.
type Entry struct {
	ID     int64
	Expiry int64
}

// PruneEntries loads every expired entry before deleting them one by one.
// LEAK: a time filter only: the slice grows with the entries that expired
// since the last prune.
func PruneEntries(tx *gorm.DB, before time.Time) ([]Entry, error) {
	var expired []Entry
	err := tx.Where("expiry != 0").Where("expiry < ?", before.Unix()).Find(&expired).Error
	return expired, err
}

// PruneBatch loads one batch of expired entries. OK: Limit in the chain.
func PruneBatch(tx *gorm.DB, before time.Time) ([]Entry, error) {
	var expired []Entry
	err := tx.Where("expiry < ?", before.Unix()).Order("id").Limit(500).Find(&expired).Error
	return expired, err
}

// ListEntries meant to read one page of entries.
// LEAK: Offset and Limit are chained after Find, which has already run
// the query: every entry is read (a suggested fix moves Find after Limit).
func ListEntries(db *gorm.DB, page, size int) ([]Entry, error) {
	var entries []Entry
	err := db.Where("expiry != 0").Find(&entries).Offset(page * size).Limit(size).Error
	return entries, err
}
