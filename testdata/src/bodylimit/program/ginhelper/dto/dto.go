// Package dto: a binding helper the handlers of other packages call // want package:"program\\(reads\\(dto\\.BindJSON\\)\\)"
// (pocket-id's dto.ShouldBindWithNormalizedJSON).
package dto

import (
	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

// BindJSON reads the body whole: the program rule names this read and,
// in the packages whose handlers call it, each call.
func BindJSON(c *gin.Context, obj any) error { // want BindJSON:`reads\(0:gin ShouldBindWith \(binding.JSON\)\)`
	return c.ShouldBindWith(obj, binding.JSON)
}
