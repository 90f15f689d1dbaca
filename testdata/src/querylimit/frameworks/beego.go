package frameworks

import (
	"database/sql"
	"strconv"

	"github.com/beego/beego/v2/server/web"
	"xorm.io/xorm"

	"querylimit/rowsutil"
)

var engine *xorm.Engine

type User struct {
	Name string
}

// ApiController is a service's base controller (casdoor's shape); its
// actions are methods with no parameters, the request in c.Ctx.
type ApiController struct {
	web.Controller
}

// GetUsers passes the page size of the request to xorm's Limit unclamped.
func (c *ApiController) GetUsers() {
	limit, _ := c.GetInt("pageSize")
	var users []User
	_ = engine.Limit(limit).Find(&users) // want `limit from c.GetInt\("pageSize"\) reaches xorm Limit with no upper bound`
	c.Data["json"] = users
	_ = c.ServeJSON()
}

// GetRecords reads it from beego's input as a string.
func (c *ApiController) GetRecords() {
	db := c.db()
	n, _ := strconv.Atoi(c.Ctx.Input.Query("pageSize"))
	rows, _ := db.Query("SELECT id FROM records ORDER BY id LIMIT $1", n) // want `limit from c.Ctx.Input.Query\("pageSize"\) reaches LIMIT \$1 with no upper bound`
	_ = rowsutil.Keep(rows)
}

// Fine: clamped at both ends.
func (c *ApiController) GetUsersClamped() {
	limit, _ := c.GetInt("pageSize")
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	var users []User
	_ = engine.Limit(limit).Find(&users)
	c.Data["json"] = users
}

// Fine: the limit is the server's, and a string the client sends only
// picks the owner (one parent's rows, under a constant LIMIT).
func (c *ApiController) GetOwnUsers() {
	owner := c.GetString("owner")
	var users []User
	_ = engine.Where("owner = ?", owner).Limit(50).Find(&users)
	c.Data["json"] = users
}

func (c *ApiController) db() *sql.DB { return nil }

// Not reported: a limit read through a service's own conversion helper
// (casdoor's util.ParseInt(s), strconv.Atoi with "" as 0) is not followed,
// a documented miss: the pass follows strconv's parsers only.
func (c *ApiController) GetTokens() {
	limit := parseInt(c.Ctx.Input.Query("pageSize"))
	var users []User
	_ = engine.Limit(limit).Find(&users)
	c.Data["json"] = users
}

func parseInt(s string) int {
	if s == "" {
		return 0
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return i
}
