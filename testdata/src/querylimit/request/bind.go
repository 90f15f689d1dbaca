package request

import (
	"database/sql"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"querylimit/rowsutil"
)

// listReq is bound from the query string: its fields are client input.
type listReq struct {
	PageSize int `form:"page_size"`
	Page     int `form:"page"`
}

// cappedReq is bound with a validated maximum, which gin's binding
// enforces.
type cappedReq struct {
	PageSize int `form:"page_size" binding:"min=1,max=100"`
}

func listBound(c *gin.Context, db *gorm.DB) {
	var req listReq
	if err := c.ShouldBindQuery(&req); err != nil {
		return
	}
	var rows []Row
	db.Limit(req.PageSize).Find(&rows) // want `limit from req.PageSize \(bound by ShouldBindQuery\) reaches gorm Limit`
}

func echoBound(c echo.Context, db *sql.DB) error {
	req := &listReq{}
	if err := c.Bind(req); err != nil {
		return err
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", req.PageSize) // want `reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
	return nil
}

// Fine: the binding tag caps the page size.
func listCapped(c *gin.Context, db *gorm.DB) {
	var req cappedReq
	if err := c.ShouldBindQuery(&req); err != nil {
		return
	}
	var rows []Row
	db.Limit(req.PageSize).Find(&rows)
}

// Fine: the handler clamps it.
func listClamped(c *gin.Context, db *gorm.DB) {
	var req listReq
	if err := c.ShouldBindQuery(&req); err != nil {
		return
	}
	if req.PageSize <= 0 || req.PageSize > 100 {
		req.PageSize = 20
	}
	var rows []Row
	db.Limit(req.PageSize).Find(&rows)
}

// Fine: a struct no binder fills.
func listLocal(db *gorm.DB) {
	req := listReq{PageSize: 50}
	var rows []Row
	db.Limit(req.PageSize).Find(&rows)
}
