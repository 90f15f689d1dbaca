package frameworks

import (
	"encoding/json"

	"github.com/beego/beego/v2/server/web"
)

// OrderController is a beego controller: its actions serve requests.
type OrderController struct {
	web.Controller
}

func (c *OrderController) Export() {
	b, _ := json.MarshalIndent(allOrders(), "", "  ") // want `json.MarshalIndent of \[\]Order \(rows of a query\) on a request path`
	_ = c.Ctx.Output.Body(b)
}

// Fine: beego's ServeJSON indents only when the run mode is not "prod",
// an option of the deployment the pass does not judge.
func (c *OrderController) List() {
	c.Data["json"] = allOrders()
	_ = c.ServeJSON()
}

// Fine: a bounded status struct.
func (c *OrderController) Health() {
	b, _ := json.MarshalIndent(Status{OK: true}, "", "  ")
	_ = c.Ctx.Output.Body(b)
}
