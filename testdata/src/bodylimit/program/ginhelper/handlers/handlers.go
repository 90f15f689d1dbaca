// Package handlers: gin handlers that bind through dto.BindJSON. // want package:"program\\(reads\\(dto\\.BindJSON\\) through\\(2\\)\\)"
package handlers

import (
	"github.com/gin-gonic/gin"

	"bodylimit/program/ginhelper/dto"
)

type user struct{ Name string }

// Routes returns the router: a router returned is not followed, so the
// program rule of the package that serves it reports.
func Routes() *gin.Engine {
	r := gin.New()
	r.POST("/users", Create)
	r.PUT("/users", Update)
	r.POST("/users/upsert", Upsert)
	return r
}

// Create and Update read their bodies through the helper: the server's
// finding names each call, so a user sees both endpoints at risk.
func Create(c *gin.Context) { // want Create:`reads\(0:gin ShouldBindWith \(binding.JSON\)\)`
	var u user
	dto.BindJSON(c, &u)
}

func Update(c *gin.Context) { // want Update:`reads\(0:gin ShouldBindWith \(binding.JSON\)\)`
	var u user
	if err := dto.BindJSON(c, &u); err != nil {
		return
	}
}

// Upsert hands its context to Create, a handler (it takes nothing but the
// context): that call is a delegation, named at Create's own call.
func Upsert(c *gin.Context) { // want Upsert:`reads\(0:gin ShouldBindWith \(binding.JSON\)\)`
	Create(c)
}
