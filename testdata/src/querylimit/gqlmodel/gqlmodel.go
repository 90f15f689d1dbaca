// Package gqlmodel is a gqlgen models package with a paging helper of its
// own (photoview's models.FormatSQL): the input types of its generated
// file are the client's query wherever they are read.
package gqlmodel

import "gorm.io/gorm"

type Media struct{ ID int }

// FormatSQL pages tx with the request's optional pagination; a limit set
// only when the client gives one is still the client's.
func FormatSQL(tx *gorm.DB, paginate *Pagination) *gorm.DB { // want FormatSQL:`pagesSome\(0\)`
	if paginate != nil {
		if paginate.Limit != nil {
			tx.Limit(*paginate.Limit) // want `limit from GraphQL input paginate.Limit reaches gorm Limit with no upper bound`
		}
		if paginate.Offset != nil {
			tx.Offset(*paginate.Offset)
		}
	}
	return tx
}

// Fine: the limit is checked in memory before use.
func FormatSQLChecked(tx *gorm.DB, paginate *Pagination) *gorm.DB { // want FormatSQLChecked:`pagesSome\(0\)`
	if paginate != nil && paginate.Limit != nil && *paginate.Limit > 0 && *paginate.Limit <= 100 {
		tx.Limit(*paginate.Limit)
	}
	return tx
}

// Fine: clamped at both ends.
func Windowed(tx *gorm.DB, w *Window) []Media {
	var media []Media
	tx.Limit(min(max(w.Size, 1), 500)).Find(&media)
	return media
}

// Not generated: a struct of the package's own files is not input.
type Settings struct{ PageSize int }

// Fine: Settings is the server's configuration.
func Configured(tx *gorm.DB, s *Settings) []Media {
	var media []Media
	tx.Limit(s.PageSize).Find(&media)
	return media
}
