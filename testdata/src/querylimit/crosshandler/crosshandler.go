// Package crosshandler parses a page size and hands it to another
// package's repository.
package crosshandler

import (
	"context"
	"strconv"

	"github.com/gin-gonic/gin"

	"querylimit/crossrepo"
)

func list(c *gin.Context, svc *crossrepo.Service) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	svc.Orders(context.Background(), limit) // want `limit from c.Query\("limit"\) reaches Service.Orders's limit \(a row bound\) with no upper bound`
}

// Fine: clamped at both ends before the call (gorm reads a negative
// Limit as no limit).
func listClamped(c *gin.Context, repo *crossrepo.Repo) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	repo.List(context.Background(), 0, min(max(limit, 1), 100))
}

// Clamped above only: ?limit=-1 reaches gorm's Limit, which then writes no
// LIMIT at all.
func listClampedAbove(c *gin.Context, repo *crossrepo.Repo) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	repo.List(context.Background(), 0, min(limit, 100)) // want `limit from c.Query\("limit"\) reaches Repo.List's limit \(a row bound\) unchecked for negative values, which mean no limit; clamp both ends \(min\(max\(n, 1\), 1000\)\)`
}

// Fine: ListClamped clamps inside.
func listInside(c *gin.Context, repo *crossrepo.Repo) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	repo.ListClamped(context.Background(), limit)
}

func constant(repo *crossrepo.Repo) {
	repo.List(context.Background(), 0, 17000) // want `Repo.List limit = 17000 exceeds 1000 rows`
}

// OrderLister is how handlers see the repository.
type OrderLister interface {
	List(ctx context.Context, offset, limit int) ([]crossrepo.Order, error)
}

func viaInterface(c *gin.Context, orders OrderLister) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	orders.List(context.Background(), 0, limit) // want `limit from c.Query\("limit"\) reaches OrderLister.List's limit \(a row bound\) with no upper bound`
}

// Fine: clamped before the interface call.
func viaInterfaceClamped(c *gin.Context, orders OrderLister) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	if limit < 1 || limit > 100 {
		limit = 100
	}
	orders.List(context.Background(), 0, limit)
}

// Clamped above only before the interface call.
func viaInterfaceClampedAbove(c *gin.Context, orders OrderLister) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	if limit > 100 {
		limit = 100
	}
	orders.List(context.Background(), 0, limit) // want `limit from c.Query\("limit"\) reaches OrderLister.List's limit \(a row bound\) unchecked for negative values`
}

// Cleaner is implemented by nothing with a row-bound fact.
type Cleaner interface {
	Clean(ctx context.Context, limit int) error
}

// Fine: no implementation passes limit to a row bound.
func viaOtherInterface(c *gin.Context, cl Cleaner) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	cl.Clean(context.Background(), limit)
}
