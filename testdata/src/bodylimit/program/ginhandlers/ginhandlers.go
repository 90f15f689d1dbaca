// Package ginhandlers: gin handlers bound with ShouldBind, registered in // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Create,ginhandlers\\.Report\\)\\)"
// another package.
package ginhandlers

import "github.com/gin-gonic/gin"

type query struct {
	Page int `form:"page"`
}

func List(c *gin.Context) { // want List:`reads\(0:gin ShouldBind\)`
	var q query
	c.ShouldBind(&q)
}

func Create(c *gin.Context) { // want Create:`reads\(0:gin ShouldBind\)`
	var q query
	c.ShouldBind(&q)
}

// Report is registered on no route (wifi-locate's ReportAP4Location):
// the server does not serve it, and its message does not name it.
func Report(c *gin.Context) { // want Report:`reads\(0:gin BindJSON\)`
	var q query
	c.BindJSON(&q)
}
