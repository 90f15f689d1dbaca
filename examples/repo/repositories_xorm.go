package repo

import (
	"net/http"
	"strconv"

	"xorm.io/builder"
	"xorm.io/xorm"
)

// Repository is a row of the repository table (xorm's default mapper
// names it so).
type Repository struct {
	ID       int64 `xorm:"pk autoincr"`
	OwnerID  int64
	ForkID   int64
	IsMirror bool
}

// Engine is the service's interface over xorm's Engine and Session, so
// that functions run inside or outside a transaction.
type Engine interface {
	Find(any, ...any) error
	Where(any, ...any) *xorm.Session
}

// Repositories is the xorm repository store.
type Repositories struct{ X *xorm.Engine }

// Page reads one page of repositories. OK: a constant page size.
func (s *Repositories) Page(page int) ([]*Repository, error) {
	repos := make([]*Repository, 0, 20)
	return repos, s.X.Limit(20, (page-1)*20).Desc("id").Find(&repos)
}

// NonMirrors reads every repository that is not a mirror, for a cron
// job. LEAK: the whole table but the mirrors, at once.
func NonMirrors(e Engine) ([]*Repository, error) {
	repos := make([]*Repository, 0, 10)
	return repos, e.Where("is_mirror = ?", false).Find(&repos)
}

// StaleMirrors reads the mirrors not updated since a time, for a cron
// job. LEAK: the conditions, built with xorm.io/builder, filter only by
// flags and a time, on a table the store pages.
func StaleMirrors(sess *xorm.Session, before int64) ([]*Repository, error) {
	repos := make([]*Repository, 0, 10)
	return repos, sess.Where(builder.And(builder.Eq{"is_mirror": true}, builder.Lt{"updated_unix": before})).Find(&repos)
}

// Owned reads the repositories of one owner. OK: one parent's rows, in a
// builder condition.
func (s *Repositories) Owned(ownerID int64) ([]*Repository, error) {
	repos := make([]*Repository, 0, 10)
	return repos, s.X.Where(builder.Eq{"owner_id": ownerID}).Find(&repos)
}

// Forks reads the forks of one repository. OK: one parent's rows.
func (s *Repositories) Forks(id int64) ([]*Repository, error) {
	forks := make([]*Repository, 0, 10)
	return forks, s.X.Find(&forks, &Repository{ForkID: id})
}

// Since reads the non-mirrors changed since a time, when one is given.
// OK here: the condition is added to the session in a statement of its
// own, so what the Find selects is not judged.
func Since(sess *xorm.Session, since int64) ([]*Repository, error) {
	repos := make([]*Repository, 0, 10)
	q := sess.Where("is_mirror = ?", false)
	if since > 0 {
		q.And("updated_unix >= ?", since)
	}
	return repos, q.Find(&repos)
}

// List serves ?limit=N. LEAK: the client picks the page size.
func (s *Repositories) List(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	var repos []*Repository
	if _, err := s.X.Limit(n).FindAndCount(&repos); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusOK)
}
