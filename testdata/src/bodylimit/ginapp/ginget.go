package ginapp

import "github.com/gin-gonic/gin"

type query struct {
	Page int `form:"page"`
}

// listQuery binds with ShouldBind: gin picks the binding by method, and
// for GET binds the query and form, never a JSON body.
func listQuery(c *gin.Context) { // want listQuery:`reads\(0:gin ShouldBind\)`
	var q query
	c.ShouldBind(&q)
}

// createItem binds the same way on a POST route: the body is decoded.
func createItem(c *gin.Context) { // want createItem:`reads\(0:gin Bind\)`
	var q query
	c.Bind(&q) // want `^gin Bind reads the whole request body into memory with no limit on this route`
}

func serveGets() {
	r := gin.New()
	r.GET("/items", listQuery) // fine: a GET route
	r.POST("/items", createItem)
	r.Run(":8080")
}
