// Package reflectuse reads through reflectdbx's Select, whose fact says
// it keeps every row of the text it is given.
package reflectuse

import "querylimit/reflectdbx"

type Post struct {
	ID    int
	Title string
}

// AllPosts reads the whole posts table, which the package pages elsewhere.
func AllPosts(trx *reflectdbx.Trx) ([]*Post, error) {
	var posts []*Post
	err := trx.Select(&posts, "SELECT id, title FROM posts ORDER BY id") // want `every row of this query is appended to items in Trx.Select \(no LIMIT\)`
	return posts, err
}

// Fine: a page.
func Page(trx *reflectdbx.Trx, n int) ([]*Post, error) {
	var posts []*Post
	err := trx.Select(&posts, "SELECT id, title FROM posts ORDER BY id LIMIT 30")
	return posts, err
}

// Fine: one post's row, by key.
func ByID(trx *reflectdbx.Trx, id int) ([]*Post, error) {
	var posts []*Post
	err := trx.Select(&posts, "SELECT id, title FROM posts WHERE id = $1", id)
	return posts, err
}

// Fine: First keeps one row.
func One(trx *reflectdbx.Trx) (*Post, error) {
	var p Post
	err := trx.First(&p, "SELECT id, title FROM posts ORDER BY id")
	return &p, err
}

// Fine: Rename may run a text of its own, so it has no fact.
func Renamed(trx *reflectdbx.Trx) ([]*Post, error) {
	var posts []*Post
	err := trx.Rename(&posts, "SELECT id, title FROM posts ORDER BY id")
	return posts, err
}

// TenantPosts reads every post of one tenant: a tenant is a partition of
// every table, not a parent, and the package pages posts elsewhere.
func TenantPosts(trx *reflectdbx.Trx, tenant int) ([]*Post, error) {
	var posts []*Post
	err := trx.Select(&posts, "SELECT id, title FROM posts WHERE tenant_id = $1 ORDER BY id", tenant) // want `every row of this query is appended to items in Trx.Select \(no LIMIT\)`
	return posts, err
}

// Fine: one user's posts within the tenant are one parent's rows.
func UserPosts(trx *reflectdbx.Trx, tenant, user int) ([]*Post, error) {
	var posts []*Post
	err := trx.Select(&posts, "SELECT id, title FROM posts WHERE tenant_id = $1 AND user_id = $2", tenant, user)
	return posts, err
}
