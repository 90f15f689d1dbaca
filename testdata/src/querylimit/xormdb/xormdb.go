// Package xormdb exercises xorm: Engine and Session chains, a service's
// Engine interface over both, condition beans, and sessions given
// conditions in statements of their own.
package xormdb

import (
	"net/http"
	"strconv"
	"time"

	"querylimit/xormsess"

	"xorm.io/builder"
	"xorm.io/xorm"
)

type Repository struct {
	ID       int64
	OwnerID  int64
	ForkID   int64
	IsMirror bool
}

type AuditLog struct{ ID int64 }

// Engine is a service's interface over xorm's Engine and Session, as
// gogs' database.Engine is.
type Engine interface {
	Find(any, ...any) error
	Where(any, ...any) *xorm.Session
}

var x *xorm.Engine

// Fine: a page; it also shows that the package pages repository.
func PageRepos(page int) ([]*Repository, error) {
	repos := make([]*Repository, 0, 20)
	return repos, x.Limit(20, (page-1)*20).Find(&repos)
}

func NonMirrors(e Engine) ([]*Repository, error) {
	repos := make([]*Repository, 0, 10)
	return repos, e.Where("is_mirror = ?", false).Find(&repos) // want `every row of this query is read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror grow with the data \(the package pages repository elsewhere\)`
}

func AllRepos() map[int64]*Repository {
	repos := map[int64]*Repository{}
	x.Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table`
	return repos
}

func Mirrors() []Repository {
	var repos []Repository
	x.Find(&repos, &Repository{IsMirror: true}) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror`
	return repos
}

func Logs(sess *xorm.Session) []AuditLog {
	var logs []AuditLog
	sess.Desc("id").Find(&logs) // want `read into logs by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(audit_log holds events or logs\)`
	return logs
}

func RawText() []Repository {
	var repos []Repository
	x.SQL("SELECT * FROM repository WHERE is_mirror = ?", true).Find(&repos) // want `read into repos by xorm Find \(no LIMIT\)`
	return repos
}

func SomePaths(sess *xorm.Session, limit int) []Repository { // want SomePaths:`rowBound\(1\)`
	var repos []Repository
	q := sess.Where("is_mirror = ?", false)
	if limit > 0 {
		q = q.Limit(limit)
	}
	q.Find(&repos) // want `read into repos by xorm Find \(no Limit on some paths\)`
	return repos
}

// Each finisher runs and resets its own statement: the Count's condition
// does not reach the Find, which is judged alone.
func TwoReads(sess *xorm.Session, owner int64) []Repository {
	var repos []Repository
	sess.Where("owner_id = ?", owner).Count(&Repository{})
	sess.Where("is_mirror = ?", true).FindAndCount(&repos) // want `read into repos by xorm FindAndCount \(no Limit\)`
	return repos
}

func Handler(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	var repos []Repository
	x.Limit(n).Find(&repos) // want `xorm Limit`
}

// Fine: the request's limit is clamped.
func ClampedHandler(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if n <= 0 || n > 100 {
		n = 100
	}
	var repos []Repository
	x.Limit(n).Find(&repos)
}

// Fine: one owner's repositories (one parent's rows).
func OwnerRepos(ownerID int64) []Repository {
	var repos []Repository
	x.Where("owner_id = ?", ownerID).Find(&repos)
	return repos
}

// Fine: a condition bean on a key-named column (fork_id) selects one
// parent's rows.
func Forks(id int64) []Repository {
	var forks []Repository
	x.Find(&forks, &Repository{ForkID: id})
	return forks
}

// Fine: a key list the caller gives.
func ByIDs(ids []int64) []Repository {
	var repos []Repository
	x.In("id", ids).Find(&repos)
	return repos
}

// Fine: a condition added to the same session in a statement of its own,
// on some paths: what the Find selects is not judged.
func Since(sess *xorm.Session, since int64) []Repository {
	var repos []Repository
	q := sess.Where("is_mirror = ?", false)
	if since > 0 {
		q.And("updated_unix >= ?", since)
	}
	q.Find(&repos)
	return repos
}

// Fine: the Limit is given to the session in a statement of its own.
func LimitApart() []Repository {
	sess := x.NewSession()
	defer sess.Close()
	sess.Limit(10)
	var repos []Repository
	sess.Find(&repos)
	return repos
}

// Fine: Or changes the meaning of the conditions around it.
func WithOr() []Repository {
	var repos []Repository
	x.Where("is_mirror = ?", true).Or("owner_id = ?", 1).Find(&repos)
	return repos
}

// Fine: rows of a join, filtered by another table.
func Joined(ownerID int64) []Repository {
	var repos []Repository
	x.Join("INNER", "access", "access.repo_id = repository.id").Where("access.user_id = ?", ownerID).Find(&repos)
	return repos
}

// Fine: a session kept in a field may carry conditions of its own.
type store struct{ sess *xorm.Session }

func (s *store) fromField() []Repository {
	var repos []Repository
	s.sess.Find(&repos)
	return repos
}

// Fine: Iterate streams the rows one at a time.
func Streamed(fn xorm.IterFunc) error {
	return x.Where("is_mirror = ?", false).Iterate(new(Repository), fn)
}

// Fine: a repair command's maintenance run, once, on demand (as
// migration code is).
func RepairOrphanedRepos() []Repository {
	var repos []Repository
	x.Where("is_mirror = ?", true).Find(&repos)
	return repos
}

// The rows are read only for their count.
func CountMirrors(e *xorm.Engine) (int64, error) {
	list := make([]*Repository, 0)
	return e.Where("is_mirror = ?", true).In("owner_id", []int64{1, 2}).FindAndCount(&list) // want `every row of this query is read into list by xorm FindAndCount only to be counted \(list is not used after it\): the rows are decoded and held for one number; count with Count\(new\(Repository\)\) instead`
}

// Fine: the rows are used too.
func PageAndCount(e *xorm.Engine) ([]*Repository, int64, error) {
	list := make([]*Repository, 0)
	n, err := e.Where("owner_id = ?", 1).FindAndCount(&list)
	return list, n, err
}

// Fine: a Limit bounds what is read for the count.
func CountFirstPage(e *xorm.Engine) (int64, error) {
	list := make([]*Repository, 0)
	return e.Limit(20).FindAndCount(&list)
}

// Fine: a row per group (owner), not per repository.
func PerOwner(sess *xorm.Session) []Repository {
	var counts []Repository
	sess.Select("owner_id, count(*) AS id").GroupBy("owner_id").Find(&counts)
	return counts
}

// Conditions of xorm.io/builder are read as the SQL they write.
func MirrorsByBuilder() []Repository {
	var repos []Repository
	x.Where(builder.Eq{"is_mirror": true}).Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror grow with the data \(the package pages repository elsewhere\)`
	return repos
}

func StaleMirrors(sess *xorm.Session, before time.Time) []Repository {
	var repos []Repository
	sess.Where(builder.And(builder.Eq{"is_mirror": true}, builder.NotNull{"updated_unix"})).Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror, updated_unix grow`
	return repos
}

// Fine: one owner's repositories, in a builder condition.
func OwnerReposByBuilder(ownerID int64) []Repository {
	var repos []Repository
	x.Where(builder.Eq{"owner_id": ownerID}.And(builder.Neq{"is_mirror": true})).Find(&repos)
	return repos
}

// Fine: a key list, as builder.In or a slice in builder.Eq.
func ByIDsBuilder(ids []int64) []Repository {
	var repos, more []Repository
	x.Where(builder.In("id", ids)).Find(&repos)
	x.Where(builder.Eq{"id": ids}).Find(&more)
	return append(repos, more...)
}

// Fine: Or changes the meaning of the conditions around it.
func MirrorsOrOwned(ownerID int64) []Repository {
	var repos []Repository
	x.Where(builder.Or(builder.Eq{"is_mirror": true}, builder.Eq{"owner_id": ownerID})).Find(&repos)
	return repos
}

// Fine: a condition built on several paths is not read.
func MaybeMirrors(all bool) []Repository {
	cond := builder.NewCond()
	if !all {
		cond = builder.Eq{"is_mirror": true}
	}
	var repos []Repository
	x.Where(cond).Find(&repos)
	return repos
}

// Task's table is named by its TableName method: "tasks", which the
// package pages in pageTasks.
type Task struct {
	ID   int64
	Done bool
}

func (Task) TableName() string { return "tasks" }

const pageTasks = "SELECT * FROM tasks ORDER BY id LIMIT 50"

func OpenTasks() []Task {
	var tasks []Task
	x.Where("done = ?", false).Find(&tasks) // want `read into tasks by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by done grow with the data \(the package pages tasks elsewhere\)`
	return tasks
}

// A statement of its own on the session, in the block of the read,
// applies to the read: session.Where(...) on a line of its own.
func StatementMirrors() []Repository {
	sess := x.NewSession()
	defer sess.Close()
	sess.Where("is_mirror = ?", true)
	sess.Desc("id")
	var repos []Repository
	sess.Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror grow`
	return repos
}

// Fine: one owner's rows, the condition given in a statement of its own.
func StatementOwned(ownerID int64) []Repository {
	sess := x.NewSession()
	defer sess.Close()
	sess.Where(builder.Eq{"owner_id": ownerID})
	var repos []Repository
	sess.Find(&repos)
	return repos
}

// The Count runs, and resets, the statement the owner's condition was
// given to: the Find reads the whole table.
func CountThenAll(ownerID int64) ([]Repository, int64) {
	sess := x.NewSession()
	defer sess.Close()
	sess.Where("owner_id = ?", ownerID)
	n, _ := sess.Count(new(Repository))
	var repos []Repository
	sess.Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table`
	return repos, n
}

// An order added under an if changes neither which rows nor how many:
// the read is judged.
func MaybeOrdered(desc bool) []Repository {
	sess := x.NewSession()
	defer sess.Close()
	if desc {
		sess.Desc("id")
	}
	var repos []Repository
	sess.Where("is_mirror = ?", true).Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror grow`
	return repos
}

// A session from a helper that returns a new one (a freshSession fact)
// starts the chain as x.NewSession() does.
func HelperSessionMirrors() []Repository {
	s := xormsess.NewSession()
	defer s.Close()
	var repos []Repository
	s.Where(builder.Eq{"is_mirror": true}).Find(&repos) // want `read into repos by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by is_mirror grow`
	return repos
}

// Fine: the helper's session carries a condition of its own, and the
// other's is its caller's: what they select is unknown here.
func HelperConditioned(ownerID int64, sess *xorm.Session) ([]Repository, []Repository) {
	var a, b []Repository
	xormsess.Owned(ownerID).Where("is_mirror = ?", true).Find(&a)
	xormsess.Same(sess).Where("is_mirror = ?", true).Find(&b)
	return a, b
}

type Star struct {
	ID     int64
	RepoID int64
	Public bool
}

// Fine: a page of stars joined to their repositories; the chain is not
// judged (Join), but its Limit shows that the package pages star.
func StarPage(page int) []Star {
	var stars []Star
	x.Join("INNER", "repository", "repository.id = star.repo_id").Limit(50, page*50).Find(&stars)
	return stars
}

func PublicStars() []Star {
	var stars []Star
	x.Where("public = ?", true).Find(&stars) // want `read into stars by xorm Find \(no Limit\); page it or stream rows, since rows filtered only by public grow with the data \(the package pages star elsewhere\)`
	return stars
}

// Chunk is read row by row in one place and whole in another.
type Chunk struct{ ID int64 }

// Fine: Iterate reads one row at a time; it also shows the package expects
// many chunks.
func EachChunk(fn func(*Chunk)) error {
	return x.Iterate(new(Chunk), func(i int, bean any) error {
		fn(bean.(*Chunk))
		return nil
	})
}

func AllChunks() []Chunk {
	var chunks []Chunk
	x.Find(&chunks) // want `read into chunks by xorm Find \(no Limit\); page it or stream rows, since it reads the whole table, which grows with the data \(the package reads chunk row by row elsewhere\)`
	return chunks
}

// Blob is read whole and never streamed nor paged: small as far as the
// package shows.
type Blob struct{ ID int64 }

// Fine: nothing in the package shows that blob grows.
func AllBlobs() []Blob {
	var blobs []Blob
	x.Find(&blobs)
	return blobs
}

// Fine: a part of a table the package reads row by row: one repository's
// chunks, under a key the pass cannot name.
func RepoChunks(repo int64) []Chunk {
	var chunks []Chunk
	x.Where("repo = ?", repo).Find(&chunks)
	return chunks
}
