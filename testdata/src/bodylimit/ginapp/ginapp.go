// Package ginapp: gin handlers and routers wired here. // want package:"program\\(limits reads\\(ginapp\\.servedElsewhereRead,ginapp\\.limitedGroupRead,ginapp\\.routeLimitedRead,ginapp\\.globalRead,ginapp\\.unknownRead\\) covered\\(8\\) getOnly\\(2\\)\\)"
package ginapp

import (
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

type item struct{ Name string }

func bindJSON(c *gin.Context) { // want bindJSON:`reads\(0:gin ShouldBindJSON\)`
	var it item
	if err := c.ShouldBindJSON(&it); err != nil { // want `gin ShouldBindJSON reads the whole request body into memory with no limit on this route, so a client decides its size; bound it first with c.Request.Body = http.MaxBytesReader\(c.Writer, c.Request.Body, 1<<20\)`
		return
	}
}

func rawData(c *gin.Context) { // want rawData:`reads\(0:gin GetRawData\)`
	c.GetRawData() // want `gin GetRawData reads the whole request body`
}

func readAll(c *gin.Context) { // want readAll:`reads\(0:io.ReadAll\)`
	io.ReadAll(c.Request.Body) // want `io.ReadAll reads the whole request body`
}

func bindInGroup(c *gin.Context) { // want bindInGroup:`reads\(0:gin BindJSON\)`
	var it item
	c.BindJSON(&it) // want `gin BindJSON reads the whole request body`
}

func limitedGroupRead(c *gin.Context) { // want limitedGroupRead:`reads\(0:gin Bind\)`
	var it item
	c.Bind(&it)
}

func routeLimitedRead(c *gin.Context) { // want routeLimitedRead:`reads\(0:gin ShouldBind\)`
	var it item
	c.ShouldBind(&it)
}

// limit is a gin middleware of this package bounding the body.
func limit(c *gin.Context) { // want limit:`limits\(0\)`
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	c.Next()
}

// Limited in the handler itself: silent.
func limitedHere(c *gin.Context) { // want limitedHere:`limits\(0\)`
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
	var it item
	c.ShouldBindJSON(&it)
}

func main() {
	r := gin.Default()
	r.Use(gin.Logger()) // not a limit
	r.POST("/a", bindJSON)
	r.POST("/b", rawData)
	r.PUT("/c", readAll)
	r.POST("/d", limitedHere)
	r.POST("/e", limit, routeLimitedRead) // a route middleware bounds it: silent
	api := r.Group("/api")
	api.POST("/f", bindInGroup)
	lim := r.Group("/lim", limit)
	lim.POST("/g", limitedGroupRead) // the group bounds it: silent
	r.Run(":8080")
}

func globalRead(c *gin.Context) { // want globalRead:`reads\(0:gin ShouldBindJSON\)`
	var it item
	c.ShouldBindJSON(&it)
}

// A global middleware literal that bounds the body: silent.
func globalLimit() {
	r := gin.New()
	r.Use(func(c *gin.Context) {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, 1<<20)
		c.Next()
	})
	r.POST("/a", globalRead)
	r.Run(":8080")
}

func unknownRead(c *gin.Context) { // want unknownRead:`reads\(0:gin ShouldBindJSON\)`
	var it item
	c.ShouldBindJSON(&it)
}

// A middleware the pass cannot resolve counts as a limit: silent.
func unknownMW(mws []gin.HandlerFunc) {
	r := gin.New()
	r.Use(mws[0])
	r.POST("/a", unknownRead)
	r.Run(":8080")
}

func servedElsewhereRead(c *gin.Context) { // want servedElsewhereRead:`reads\(0:gin ShouldBindJSON\)`
	var it item
	c.ShouldBindJSON(&it)
}

// The engine is served as an http.Handler by another server: silent.
func servedElsewhere() http.Handler {
	r := gin.New()
	r.POST("/a", servedElsewhereRead)
	return r
}
