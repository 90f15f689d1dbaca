// Package gqlactions holds the queries a GraphQL server's resolvers call
// (photoview's graphql/models/actions): optional limits arrive as *int.
package gqlactions

import (
	"gorm.io/gorm"

	"example.com/gqlgraph/model"
)

// Search pages with the caller's optional limit, 10 when it is absent: a
// given value reaches Limit as is (photoview's actions.Search).
func Search(db *gorm.DB, query string, limitMedia *int) ([]*model.Media, error) { // want Search:`rowBound\(2\)`
	limit := 10
	if limitMedia != nil {
		limit = *limitMedia
	}
	var media []*model.Media
	err := db.Where("title LIKE ?", query).Limit(limit).Find(&media).Error
	return media, err
}

// Fine: the optional limit is checked in memory before use (no fact).
func SearchChecked(db *gorm.DB, query string, limitMedia *int) ([]*model.Media, error) {
	limit := 10
	if limitMedia != nil && *limitMedia > 0 && *limitMedia <= 100 {
		limit = *limitMedia
	}
	var media []*model.Media
	err := db.Where("title LIKE ?", query).Limit(limit).Find(&media).Error
	return media, err
}

// Fine: the optional limit is clamped in place (no fact).
func SearchClampedInPlace(db *gorm.DB, limitMedia *int) ([]*model.Media, error) {
	if *limitMedia > 100 {
		*limitMedia = 100
	}
	var media []*model.Media
	err := db.Limit(*limitMedia).Find(&media).Error
	return media, err
}
