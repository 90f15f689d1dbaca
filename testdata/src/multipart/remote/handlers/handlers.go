// Package handlers serves gin uploads and replaces no request: its forms // want package:"serverForms\\(forms\\(\\(\\*handlers\\.H\\)\\.avatar,handlers\\.logo,a func literal in handlers\\.Routes\\)\\)"
// are left to the server's cleanup, which holds unless a middleware
// installed elsewhere hands the handlers a copy; the fact passes them to
// the packages that import this one (pocket-id's controller package).
package handlers

import (
	"github.com/gin-gonic/gin"

	"multipart/remote/mw"
)

// H holds the handlers.
type H struct{}

// avatar parses with no RemoveAll: silent here (nothing here copies the
// request), listed in the fact.
func (h *H) avatar(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		return
	}
	_ = fh
}

// logo too.
func logo(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		return
	}
	_ = fh
}

// removed removes its form: fine on a copy too, not listed.
func removed(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		return
	}
	defer c.Request.MultipartForm.RemoveAll()
	_ = fh
}

// icon is registered behind mw's Limit, which parses the form (body
// bounded to its maxMemory) before it runs: its FormFile parses nothing,
// not listed (pocket-id's client logo behind FileSizeLimitMiddleware).
func (h *H) icon(c *gin.Context) {
	fh, err := c.FormFile("file")
	if err != nil {
		return
	}
	_ = fh
}

// Routes registers the handlers; the literal is a handler too, listed.
func Routes(g *gin.RouterGroup, limit *mw.Limit) {
	h := &H{}
	g.PUT("/avatar", h.avatar)
	g.PUT("/logo", logo)
	g.POST("/removed", removed)
	g.POST("/icon", limit.Add(1<<20), h.icon)
	g.POST("/banner", func(c *gin.Context) {
		fh, err := c.FormFile("file")
		if err != nil {
			return
		}
		_ = fh
	})
}
