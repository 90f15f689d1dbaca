// Package pageruse reads through the paging helpers of package pager,
// whose facts say which paths they page.
package pageruse

import (
	"gorm.io/gorm"

	"querylimit/pager"
)

type Media struct{ ID int64 }

type Album struct{ ID int64 }

// One album's media, paged only when the client gives a page: the path
// without one reads every medium of the album.
func AlbumMedia(db *gorm.DB, albumID int64, p *pager.Pagination) []Media {
	query := db.Where("album_id = ?", albumID)
	query = pager.Format(query, "id", p)
	var media []Media
	query.Find(&media) // want `every row of this query is read into media by gorm Find \(no Limit on some paths\); page it or stream rows, since the same query is paged on its other paths`
	return media
}

// Every album, paged only on some paths: the whole table is read on the
// others, and the package pages albums.
func Albums(db *gorm.DB, p *pager.Pagination) []Album {
	var albums []Album
	pager.Format(db.Model(&Album{}), "", p).Find(&albums) // want `every row of this query is read into albums by gorm Find \(no Limit on some paths\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages albums elsewhere\)`
	return albums
}

// The same through a helper whose handle is its second parameter.
func AlbumMediaSized(db *gorm.DB, albumID int64, size int) []Media {
	var media []Media
	pager.Maybe(size, db.Where("album_id = ?", albumID)).Find(&media) // want `no Limit on some paths`
	return media
}

// Fine: paged on every path.
func MediaPage(db *gorm.DB, albumID int64, page int) []Media {
	var media []Media
	pager.Page(db.Where("album_id = ?", albumID), page).Find(&media)
	return media
}

// Fine: the helper adds a condition of its own, so what the chain
// selects is unknown here.
func VisibleMedia(db *gorm.DB, albumID int64, p *pager.Pagination) []Media {
	var media []Media
	pager.Visible(db.Where("album_id = ?", albumID), p).Find(&media)
	return media
}

// Fine: the helper passes the handle on, so it may have been paged.
func LoggedMedia(db *gorm.DB, albumID int64, p *pager.Pagination) []Media {
	var media []Media
	pager.Logged(db.Where("album_id = ?", albumID), p).Find(&media)
	return media
}

// Fine: one medium by its key, whatever the page.
func OneMedium(db *gorm.DB, id int64, p *pager.Pagination) []Media {
	var media []Media
	pager.Format(db.Where("id = ?", id), "", p).Find(&media)
	return media
}
