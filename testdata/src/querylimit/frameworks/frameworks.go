// Package frameworks exercises limits taken from the request in the
// frameworks of the shared request table (internal/httpapi) beyond
// net/http, gin and echo v4: echo v5, chi, gorilla/mux, fiber v2, gRPC
// servers and go-macaron.
package frameworks

import (
	"context"
	"database/sql"
	"strconv"

	"example.com/itemspb"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v5"
	"gopkg.in/macaron.v1"
	"net/http"

	"querylimit/rowsutil"
)

func echoV5(c *echo.Context, db *sql.DB) error {
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit) // want `limit from c.QueryParam\("limit"\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return err
	}
	_ = rowsutil.Keep(rows)
	return nil
}

// Fine: clamped with min.
func echoV5Clamped(c *echo.Context, db *sql.DB) error {
	limit, _ := strconv.Atoi(c.FormValue("limit"))
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", min(limit, 100))
	if err != nil {
		return err
	}
	return rows.Close()
}

func chiParam(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(chi.URLParam(r, "n"))
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from chi.URLParam\(r, "n"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: rejected above the bound.
func chiRejected(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	n, err := strconv.Atoi(chi.URLParam(r, "n"))
	if err != nil || n > 100 {
		http.Error(w, "bad n", http.StatusBadRequest)
		return
	}
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n)
	rows.Close()
}

func gorillaVars(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	n, _ := strconv.Atoi(mux.Vars(r)["n"])
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from mux.Vars\(r\)\["n"\] reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

func gorillaCommaOk(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	s, ok := mux.Vars(r)["n"]
	if !ok {
		s = "20"
	}
	n, _ := strconv.Atoi(s)
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from mux.Vars\(r\)\["n"\] reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: a constant key into a map that is not request input.
func notInput(db *sql.DB, sizes map[string]string) {
	n, _ := strconv.Atoi(sizes["n"])
	rows, _ := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n)
	rows.Close()
}

func fiberQueryInt(c *fiber.Ctx, db *sql.DB) error {
	limit := c.QueryInt("limit", 20)
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit) // want `limit from c.QueryInt\("limit", 20\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return err
	}
	return c.JSON(rowsutil.Keep(rows))
}

func fiberQuery(c *fiber.Ctx, db *sql.DB) error {
	limit, _ := strconv.Atoi(c.Query("limit"))
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit) // want `limit from c.Query\("limit"\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return err
	}
	return c.JSON(rowsutil.Keep(rows))
}

func fiberParamsInt(c *fiber.Ctx, db *sql.DB) error {
	n, err := c.ParamsInt("n")
	if err != nil {
		return err
	}
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", n) // want `limit from c.ParamsInt\("n"\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return err
	}
	return c.JSON(rowsutil.Keep(rows))
}

// Fine: clamped with an inline if.
func fiberClamped(c *fiber.Ctx, db *sql.DB) error {
	limit, _ := strconv.Atoi(c.Params("n"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	rows, err := db.Query("SELECT id FROM t ORDER BY id LIMIT $1", limit)
	if err != nil {
		return err
	}
	return rows.Close()
}

type itemsServer struct {
	itemspb.UnimplementedItemsServer
	db *sql.DB
}

func (s *itemsServer) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM items ORDER BY name LIMIT $1", req.GetPageSize()) // want `limit from req.GetPageSize\(\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return nil, err
	}
	_ = rowsutil.Keep(rows)
	return &itemspb.ListItemsResponse{}, nil
}

type fieldServer struct {
	itemspb.UnimplementedItemsServer
	db *sql.DB
}

func (s *fieldServer) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM items ORDER BY name LIMIT $1", req.PageSize) // want `limit from req.PageSize reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return nil, err
	}
	_ = rowsutil.Keep(rows)
	return &itemspb.ListItemsResponse{}, nil
}

type nestedServer struct {
	itemspb.UnimplementedItemsServer
	db *sql.DB
}

func (s *nestedServer) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM items ORDER BY name LIMIT $1", req.GetFilter().GetMaxResults()) // want `limit from req.GetFilter\(\).GetMaxResults\(\) reaches LIMIT \$1 with no upper bound`
	if err != nil {
		return nil, err
	}
	_ = rowsutil.Keep(rows)
	return &itemspb.ListItemsResponse{}, nil
}

type clampedServer struct {
	itemspb.UnimplementedItemsServer
	db *sql.DB
}

// Fine: the page size is clamped.
func (s *clampedServer) ListItems(ctx context.Context, req *itemspb.ListItemsRequest) (*itemspb.ListItemsResponse, error) {
	size := req.GetPageSize()
	if size <= 0 || size > 100 {
		size = 100
	}
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM items ORDER BY name LIMIT $1", size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return &itemspb.ListItemsResponse{}, nil
}

// Fine: a response message is not client input.
func fromResponse(ctx context.Context, db *sql.DB, resp *itemspb.ListItemsResponse) {
	rows, _ := db.QueryContext(ctx, "SELECT name FROM items ORDER BY name LIMIT $1", len(resp.GetNames()))
	rows.Close()
}

// appContext is a service's own context over go-macaron's, as gogs'
// handlers take it: the promoted accessors are macaron's.
type appContext struct {
	*macaron.Context
}

// macaronLimit clamps the request's limit at the low end only (gogs' user
// search: if pageSize <= 0 { pageSize = 10 }).
func macaronLimit(c *appContext, db *sql.DB) {
	pageSize := c.QueryInt("limit")
	if pageSize <= 0 {
		pageSize = 10
	}
	rows, _ := db.Query("SELECT id FROM users ORDER BY id LIMIT $1", pageSize) // want `limit from c.QueryInt\("limit"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: clamped at both ends.
func macaronClamped(c *appContext, db *sql.DB) {
	pageSize := c.QueryInt("limit")
	if pageSize <= 0 || pageSize > 50 {
		pageSize = 50
	}
	rows, _ := db.Query("SELECT id FROM users ORDER BY id LIMIT $1", pageSize)
	_ = rowsutil.Keep(rows)
}
