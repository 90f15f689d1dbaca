// Package mwrouter builds a gin engine with middlewares its caller gives // want package:"program\\(reads\\(mwrouter\\.create\\)\\)"
// (woodpecker's router.Load): whether they bound bodies is the caller's
// to say, so Load's fact says installs(1), not a limit.
package mwrouter

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type item struct{ Name string }

func create(c *gin.Context) { // want create:`reads\(0:gin ShouldBindJSON\)`
	var it item
	c.ShouldBindJSON(&it)
}

func Load(noRoute http.HandlerFunc, middleware ...gin.HandlerFunc) http.Handler { // want Load:`^installs\(1\)$`
	e := gin.New()
	e.Use(gin.Recovery())
	e.Use(middleware...)
	e.POST("/items", create)
	return e
}

// Mount registers on a router it is given, after its caller's
// middlewares: not a registering-only function (its callers' middlewares
// may bound bodies), so no routers fact.
func Mount(r *gin.Engine, mws ...gin.HandlerFunc) { // want Mount:`^installs\(1\)$`
	r.Use(mws...)
	r.POST("/more", create)
}
