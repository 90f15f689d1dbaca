package frameworks

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"cloud.google.com/go/storage"
	"github.com/beego/beego/v2/server/web"
	beecontext "github.com/beego/beego/v2/server/web/context"
)

// BaseController is a service's own base of beego controllers.
type BaseController struct {
	web.Controller
	db *sql.DB
}

// OperationController serves /operations with beego v2: its actions are
// methods with no parameters, the request in c.Ctx.
type OperationController struct {
	BaseController
}

// List takes the page size from ?pageSize= and does not clamp it.
func (c *OperationController) List() {
	n, _ := c.GetInt("pageSize", 20)
	rows, err := c.db.QueryContext(c.Ctx.Request.Context(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", n)
	if err != nil {
		c.Ctx.Output.SetStatus(http.StatusInternalServerError)
		return
	}
	ops, _ := scanOps(rows)
	c.Data["json"] = ops
	_ = c.ServeJSON()
}

// Search reads the limit from beego's input and clamps it.
func (c *OperationController) Search() {
	n, _ := strconv.Atoi(c.Ctx.Input.Query("limit"))
	rows, err := c.db.QueryContext(c.Ctx.Request.Context(), "SELECT name, done FROM operations ORDER BY name LIMIT $1", min(max(n, 1), maxPage))
	if err != nil {
		return
	}
	ops, _ := scanOps(rows)
	c.Data["json"] = ops
	_ = c.ServeJSON()
}

// Export writes every operation, indented.
func (c *OperationController) Export() {
	rows, err := c.db.QueryContext(c.Ctx.Request.Context(), "SELECT name, done FROM operations ORDER BY name")
	if err != nil {
		return
	}
	ops, _ := scanOps(rows)
	b, _ := json.MarshalIndent(ops, "", "  ")
	_ = c.Ctx.Output.Body(b)
}

// Archive builds a Cloud Storage client for every request.
func (c *OperationController) Archive() {
	client, err := storage.NewClient(c.Ctx.Request.Context())
	if err != nil {
		return
	}
	defer client.Close()
	w := client.Bucket("archive").Object("operations.json").NewWriter(c.Ctx.Request.Context())
	w.ChunkSize = 256 << 10
	_, _ = io.Copy(w, c.Ctx.Request.Body) // beego has bounded the body (MaxMemory)
	_ = w.Close()
}

// Beego registers the controller and a filter that reads the body, which
// beego's router has bounded before BeforeRouter filters run.
func Beego(db *sql.DB) {
	web.Router("/operations", &OperationController{BaseController{db: db}}, "get:List")
	web.Router("/operations/search", &OperationController{BaseController{db: db}}, "get:Search")
	web.Router("/operations/export", &OperationController{BaseController{db: db}}, "get:Export")
	web.Router("/operations/archive", &OperationController{BaseController{db: db}}, "post:Archive")
	web.InsertFilter("/operations/*", web.BeforeRouter, func(ctx *beecontext.Context) {
		b, _ := io.ReadAll(ctx.Request.Body)
		ctx.Input.RequestBody = b
	})
}
