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

// searchQuery is registered with Handle("GET", ...) only (pufferpanel's
// g.Handle("GET", "", searchUsers)): a GET route.
func searchQuery(c *gin.Context) { // want searchQuery:`reads\(0:gin ShouldBind\)`
	var q query
	c.ShouldBind(&q)
}

// postQuery is registered with Handle("POST", ...): its body is decoded.
func postQuery(c *gin.Context) { // want postQuery:`reads\(0:gin ShouldBind\)`
	var q query
	c.ShouldBind(&q) // want `^gin ShouldBind reads the whole request body into memory with no limit on this route`
}

// withID calls f with the route's id (gotify's helper).
func withID(c *gin.Context, f func(id int)) { f(1) }

// updateByID binds in a closure it hands to withID: the handler reads
// its body wherever the closure runs.
func updateByID(c *gin.Context) { // want updateByID:`reads\(0:gin Bind\)`
	withID(c, func(id int) {
		var q query
		c.Bind(&q) // want `^gin Bind reads the whole request body into memory with no limit on this route`
	})
}

func serveGets() {
	r := gin.New()
	r.GET("/items", listQuery) // fine: a GET route
	r.POST("/items", createItem)
	r.PUT("/items/:id", updateByID)
	r.Handle("GET", "/search", searchQuery) // fine: a GET route
	r.Handle("POST", "/search", postQuery)
	r.Run(":8080")
}
