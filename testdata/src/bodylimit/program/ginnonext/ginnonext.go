// Package ginnonext bounds bodies in a gin middleware that does not call // want package:"program\\(limits reads\\(ginnonext\\.create\\) starts\\(ginnonext\\.Main\\)\\)"
// c.Next() (gin runs the next handler when it returns): it reads nothing
// itself, so it bounds every route behind it, and the server is no
// finding.
package ginnonext

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func limit(c *gin.Context) { // want limit:"limits\\(0\\)"
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
}

func create(c *gin.Context) { // want create:"reads\\(0:gin ShouldBindJSON\\)"
	var v map[string]any
	c.ShouldBindJSON(&v)
}

// Engine is exported: the direct rule cannot see how it is served.
func Engine() *gin.Engine {
	r := gin.New()
	r.Use(limit)
	r.POST("/create", create)
	return r
}

func Main() {
	Engine().Run(":8080")
}
