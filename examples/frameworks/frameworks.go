// Package frameworks lists operations through chi, gorilla/mux, fiber v2,
// echo v5 and a gRPC server, with the page size taken from the request:
// unclamped (a querylimit finding each) and clamped.
package frameworks

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"strconv"

	"cloud.google.com/go/longrunning/autogen/longrunningpb"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v5"
	"google.golang.org/grpc"
)

const maxPage = 100

type Operation struct {
	Name string `json:"name"`
	Done bool   `json:"done"`
}

func list(ctx context.Context, db *sql.DB, limit int) ([]Operation, error) {
	rows, err := db.QueryContext(ctx, "SELECT name, done FROM operations ORDER BY name LIMIT $1", limit)
	if err != nil {
		return nil, err
	}
	return scanOps(rows)
}

// scanOps keeps every operation of rows in memory.
func scanOps(rows *sql.Rows) ([]Operation, error) {
	defer rows.Close()
	var ops []Operation
	for rows.Next() {
		var op Operation
		if err := rows.Scan(&op.Name, &op.Done); err != nil {
			return nil, err
		}
		ops = append(ops, op)
	}
	return ops, rows.Err()
}

// Chi routes /operations/{limit}: the path parameter is not clamped.
func Chi(db *sql.DB) http.Handler {
	r := chi.NewRouter()
	r.Get("/operations/{limit}", func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(chi.URLParam(r, "limit"))
		rows, err := db.QueryContext(r.Context(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ops, err := scanOps(rows)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(ops)
	})
	r.Get("/clamped/{limit}", func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(chi.URLParam(r, "limit"))
		ops, err := list(r.Context(), db, min(max(limit, 1), maxPage))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(ops)
	})
	return r
}

// Mux routes /operations/{limit} with gorilla/mux.
func Mux(db *sql.DB) http.Handler {
	r := mux.NewRouter()
	r.HandleFunc("/operations/{limit}", func(w http.ResponseWriter, r *http.Request) {
		limit, _ := strconv.Atoi(mux.Vars(r)["limit"])
		rows, err := db.QueryContext(r.Context(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ops, err := scanOps(rows)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		json.NewEncoder(w).Encode(ops)
	})
	r.HandleFunc("/clamped/{limit}", func(w http.ResponseWriter, r *http.Request) {
		limit, err := strconv.Atoi(mux.Vars(r)["limit"])
		if err != nil || limit < 1 || limit > maxPage {
			http.Error(w, "bad limit", http.StatusBadRequest)
			return
		}
		rows, err := db.QueryContext(r.Context(), "SELECT name FROM operations ORDER BY name LIMIT $1", limit)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		rows.Close()
	})
	return r
}

// Fiber serves /operations?limit=N and a per-request scratch buffer.
func Fiber(db *sql.DB) *fiber.App {
	app := fiber.New()
	app.Get("/operations", func(c *fiber.Ctx) error {
		limit := c.QueryInt("limit", 20)
		rows, err := db.QueryContext(c.UserContext(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", limit)
		if err != nil {
			return err
		}
		ops, err := scanOps(rows)
		if err != nil {
			return err
		}
		return c.JSON(ops)
	})
	app.Get("/clamped", func(c *fiber.Ctx) error {
		ops, err := list(c.UserContext(), db, min(c.QueryInt("limit", 20), maxPage))
		if err != nil {
			return err
		}
		return c.JSON(ops)
	})
	app.Get("/export", func(c *fiber.Ctx) error {
		buf := make([]byte, 16<<20)
		n := copy(buf, c.Body())
		return c.Send(buf[:n])
	})
	return app
}

// Echo serves /operations?limit=N with echo v5, whose Context is a struct.
func Echo(db *sql.DB) *echo.Echo {
	e := echo.New()
	e.GET("/operations", func(c *echo.Context) error {
		limit, _ := strconv.Atoi(c.QueryParam("limit"))
		rows, err := db.QueryContext(c.Request().Context(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", limit)
		if err != nil {
			return err
		}
		ops, err := scanOps(rows)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, ops)
	})
	return e
}

// Operations is a google.longrunning.Operations server backed by SQL.
type Operations struct {
	longrunningpb.UnimplementedOperationsServer
	db *sql.DB
}

// ListOperations trusts the client's page size.
func (s *Operations) ListOperations(ctx context.Context, req *longrunningpb.ListOperationsRequest) (*longrunningpb.ListOperationsResponse, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM operations WHERE name LIKE $1 ORDER BY name LIMIT $2",
		req.GetName()+"%", req.GetPageSize())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	resp := &longrunningpb.ListOperationsResponse{}
	for rows.Next() {
		op := &longrunningpb.Operation{}
		if err := rows.Scan(&op.Name); err != nil {
			return nil, err
		}
		resp.Operations = append(resp.Operations, op)
	}
	return resp, rows.Err()
}

// Serve registers the server.
func Serve(db *sql.DB) *grpc.Server {
	s := grpc.NewServer()
	longrunningpb.RegisterOperationsServer(s, &Operations{db: db})
	return s
}

// Clamped is the same server with the page size clamped.
type Clamped struct {
	longrunningpb.UnimplementedOperationsServer
	db *sql.DB
}

func (s *Clamped) ListOperations(ctx context.Context, req *longrunningpb.ListOperationsRequest) (*longrunningpb.ListOperationsResponse, error) {
	size := req.GetPageSize()
	if size <= 0 || size > maxPage {
		size = maxPage
	}
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM operations ORDER BY name LIMIT $1", size)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return &longrunningpb.ListOperationsResponse{}, rows.Err()
}
