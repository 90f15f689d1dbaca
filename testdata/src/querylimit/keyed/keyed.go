// Package keyed exercises key lists collected from the rows of an
// unbounded read: a read keyed by such a list holds a row per key, as many
// as the read it was collected from.
package keyed

import (
	"gorm.io/gorm"
	"xorm.io/xorm"
)

type User struct {
	ID           int64
	ExportFileID int64
}

type File struct{ ID int64 }

type Role struct {
	ID     int64
	UserID int64
}

var x *xorm.Engine

// Fine: a page; it shows that the package pages user and file.
func PageUsers(page int) ([]*User, []*File) {
	users := []*User{}
	files := []*File{}
	x.Limit(50, page*50).Find(&users)
	x.Limit(50, page*50).Find(&files)
	return users, files
}

// Vikunja's export cleanup: every user with an export file, then the files
// of all of them.
func CleanupExports(s *xorm.Session) []*File {
	users := []*User{}
	s.Where("export_file_id IS NOT NULL").Find(&users) // want `every row of this query is read into users by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by export_file_id grow with the data`
	fileIDs := []int64{}
	for _, u := range users {
		fileIDs = append(fileIDs, u.ExportFileID)
	}
	fs := []*File{}
	s.In("id", fileIDs).Find(&fs) // want `every row of this query is read into fs by xorm Find \(no Limit\); page it or stream rows, since its key list fileIDs is collected from the rows read into users at keyed.go:38, a read that grows with the data`
	return fs
}

// The keys are what a function makes of each row (vikunja's
// GetSavedFilterIDFromProjectID(view.ProjectID)).
func ThroughFunc(s *xorm.Session) []*File {
	var users []User
	s.Where("export_file_id > ?", 0).Find(&users) // want `read into users by xorm Find \(no Limit\)`
	var ids []int64
	for i := range users {
		ids = append(ids, fileOf(users[i].ExportFileID))
	}
	var fs []*File
	s.In("id", ids).Find(&fs) // want `read into fs by xorm Find \(no Limit\); page it or stream rows, since its key list ids is collected from the rows read into users at keyed.go:52, a read that grows with the data`
	return fs
}

func fileOf(id int64) int64 { return -id }

// Fine: a page; it shows that the package pages gorm's users.
func PageUsersGorm(db *gorm.DB) []User {
	var users []User
	db.Limit(50).Find(&users)
	return users
}

// gorm: Where("user_id IN ?", ids) keyed by every user of an unbounded read.
func RolesOfAll(db *gorm.DB) []Role {
	var users []User
	db.Where("export_file_id IS NOT NULL").Find(&users) // want `read into users by gorm Find \(no Limit\)`
	ids := make([]int64, 0, len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	var roles []Role
	db.Where("user_id IN ?", ids).Find(&roles) // want `read into roles by gorm Find \(no Limit\); page it or stream rows, since its key list ids is collected from the rows read into users at keyed.go:74, a read that grows with the data`
	return roles
}

// Fine: the keys come from a page of users (50 rows), so the keyed read
// holds at most 50 files.
func FilesOfPage(s *xorm.Session, page int) []*File {
	users := []*User{}
	s.Limit(50, page*50).Find(&users)
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ExportFileID)
	}
	fs := []*File{}
	s.In("id", ids).Find(&fs)
	return fs
}

// Fine: the key list is the caller's, as long as the caller makes it.
func FilesByIDs(s *xorm.Session, ids []int64) []*File {
	fs := []*File{}
	s.In("id", ids).Find(&fs)
	return fs
}

// Fine: the keys come from one user's rows (WHERE id = ?), small by
// construction, so the keyed read is too.
func FilesOfUser(s *xorm.Session, id int64) []*File {
	users := []*User{}
	s.Where("id = ?", id).Find(&users)
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ExportFileID)
	}
	fs := []*File{}
	s.In("id", ids).Find(&fs)
	return fs
}

// Fine: the list is made of constants, not of the unbounded rows read
// before it.
func FixedFiles(s *xorm.Session) []*File {
	users := []*User{}
	s.Where("export_file_id IS NOT NULL").Find(&users) // want `read into users by xorm Find \(no Limit\)`
	ids := []int64{}
	ids = append(ids, 1, 2, int64(len(users)))
	fs := []*File{}
	s.In("id", ids).Find(&fs)
	return fs
}

// The keyed read is paged only when the caller asks for a page: on the
// other path it holds a file per user.
func FilesMaybePaged(s *xorm.Session, page int) []*File {
	users := []*User{}
	s.Where("export_file_id IS NOT NULL").Find(&users) // want `read into users by xorm Find \(no Limit\)`
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ExportFileID)
	}
	q := s.In("id", ids)
	if page > 0 {
		q = q.Limit(50, page*50)
	}
	fs := []*File{}
	q.Find(&fs) // want `read into fs by xorm Find \(no Limit on some paths\); page it or stream rows, since its key list ids is collected from the rows read into users at keyed.go:135, a read that grows with the data`
	return fs
}
