// Package handlers registers its routes on a group it is given, the // want package:"program\\(reads\\(handlers\\.Create\\) routeLimiters\\(1\\) routeUsed\\(1\\) routeBounded\\(1\\)\\)"
// limiter on one route only (pocket-id's group.POST(path,
// authMiddleware.Add(), fileSizeLimitMiddleware.Add(2<<20),
// oc.updateClientLogoHandler)).
package handlers

import (
	"github.com/gin-gonic/gin"

	"bodylimit/program/routelimit/mw"
)

type item struct{ Name string }

func Create(c *gin.Context) { // want Create:`reads\(0:gin ShouldBindJSON\)`
	var v item
	c.ShouldBindJSON(&v)
}

// Logo is registered behind the limiter: bounded, not named.
func Logo(c *gin.Context) { // want Logo:`reads\(0:gin ShouldBindJSON\)`
	var v item
	c.ShouldBindJSON(&v)
}

func auth() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

func Register(g *gin.RouterGroup, lim *mw.FileSizeLimit) { // want Register:`routers\(0\) registers\(0:Create\)`
	g.POST("/items", auth(), Create)
	g.POST("/logo", auth(), lim.Add(2<<20), Logo)
}
