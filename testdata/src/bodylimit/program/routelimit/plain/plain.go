// Package plain reads bodies and uses no limiter. // want package:"program\\(reads\\(plain\\.Update\\)\\)"
package plain

import "github.com/gin-gonic/gin"

type item struct{ Name string }

func Update(c *gin.Context) { // want Update:`reads\(0:gin ShouldBindJSON\)`
	var v item
	c.ShouldBindJSON(&v)
}
