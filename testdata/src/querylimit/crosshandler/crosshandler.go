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

// Fine: clamped before the call.
func listClamped(c *gin.Context, repo *crossrepo.Repo) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	repo.List(context.Background(), 0, min(limit, 100))
}

// Fine: ListClamped clamps inside.
func listInside(c *gin.Context, repo *crossrepo.Repo) {
	limit, _ := strconv.Atoi(c.Query("limit"))
	repo.ListClamped(context.Background(), limit)
}

func constant(repo *crossrepo.Repo) {
	repo.List(context.Background(), 0, 17000) // want `Repo.List limit = 17000 exceeds 1000 rows`
}
