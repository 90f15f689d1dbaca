// Package adminscaffold has the services of an admin framework
// (gin-vue-admin's shape): every table has a paged list for the UI, and
// whole reads for dropdowns, trees and syncs.
package adminscaffold

import "gorm.io/gorm"

var DB *gorm.DB

type SysApi struct {
	ID   uint
	Path string
}

type SysDictionaryDetail struct {
	ID   uint
	Type string
}

type SysOperationRecord struct{ ID uint }

type UserSetting struct{ ID uint }

// The paged lists of the admin UI.

func ApiList(page, size int) (list []SysApi) { // want ApiList:`rowBound\(1\)`
	DB.Limit(size).Offset(page * size).Find(&list)
	return
}

func DetailList(page, size int) (list []SysDictionaryDetail) { // want DetailList:`rowBound\(1\)`
	DB.Limit(size).Offset(page * size).Find(&list)
	return
}

func RecordList(page, size int) (list []SysOperationRecord) { // want RecordList:`rowBound\(1\)`
	DB.Limit(size).Offset(page * size).Find(&list)
	return
}

func SettingList(page, size int) (list []UserSetting) { // want SettingList:`rowBound\(1\)`
	DB.Limit(size).Offset(page * size).Find(&list)
	return
}

// Fine: sys_apis is the registry of the service's own API routes, as long
// as its API; the UI's paged list shows nothing about its growth.
func AllApis() (list []SysApi) {
	DB.Find(&list)
	return
}

// Fine: dictionary entries are configuration an operator writes.
func DetailsOfType(t string) (list []SysDictionaryDetail) {
	DB.Where("type = ?", t).Find(&list)
	return
}

// Reported: operation records grow with every request the admin API
// serves.
func AllRecords() (list []SysOperationRecord) {
	DB.Find(&list) // want `^every row of this query is read into list by gorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(the package pages sys_operation_records elsewhere\)$`
	return
}

// Reported: settings kept per user grow with the users.
func AllUserSettings() (list []UserSetting) {
	DB.Find(&list) // want `\(the package pages user_settings elsewhere\)$`
	return
}

type SysDictionary struct {
	ID   uint
	Name string
}

// Fine: a search of the dictionaries, whose OR would otherwise count as
// rows that keep coming: configuration, whatever part of it is read.
func SearchDictionaries(q string) (list []SysDictionary) {
	DB.Where("name LIKE ? OR type LIKE ?", "%"+q+"%", "%"+q+"%").Find(&list)
	return
}

// Reported: the same search of the operation records.
func SearchRecords(q string) (list []SysOperationRecord) {
	DB.Where("path LIKE ? OR method LIKE ?", "%"+q+"%", "%"+q+"%").Find(&list) // want `^every row of this query is read into list by gorm Find \(no Limit\); page it or stream rows`
	return
}
