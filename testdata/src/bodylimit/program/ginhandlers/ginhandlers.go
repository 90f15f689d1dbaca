// Package ginhandlers: gin handlers bound with ShouldBind, registered in // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Create\\)\\)"
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
