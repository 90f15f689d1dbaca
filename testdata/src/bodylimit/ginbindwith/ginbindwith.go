// Package ginbindwith: gin's ShouldBindWith and MustBindWith. // want package:"program\\(covered\\(6\\) getOnly\\(1\\)\\)"
//
// The binding they are given decides (the realworld example app's Bind
// helper).
package ginbindwith

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gin-gonic/gin/binding"
)

type item struct{ Name string }

// bind is the helper every handler calls: binding.Default picks a body
// binding for every method but GET.
func bind(c *gin.Context, obj any) error { // want bind:`reads\(0:gin ShouldBindWith \(binding.Default\)\)`
	return c.ShouldBindWith(obj, binding.Default(c.Request.Method, c.ContentType()))
}

// The read is reported where the handler calls the helper.
func create(c *gin.Context) { // want create:`reads\(0:gin ShouldBindWith \(binding.Default\)\)`
	var it item
	bind(c, &it) // want `bind \(gin ShouldBindWith \(binding.Default\)\) reads the whole request body into memory with no limit on this route`
}

func update(c *gin.Context) { // want update:`reads\(0:gin MustBindWith \(binding.JSON\)\)`
	var it item
	c.MustBindWith(&it, binding.JSON) // want `gin MustBindWith \(binding.JSON\) reads the whole request body into memory with no limit on this route, so a client decides its size; bound it first with c.Request.Body = http.MaxBytesReader`
	c.JSON(http.StatusOK, it)
}

// Fine: query parameters, no body.
func search(c *gin.Context) {
	var q item
	c.ShouldBindWith(&q, binding.Query)
}

// Fine: a form; ParseMultipartForm keeps at most 32 MiB in memory and
// spills the rest to files (the multipart pass judges those).
func form(c *gin.Context) {
	var f item
	c.ShouldBindWith(&f, binding.FormMultipart)
}

// Fine: a binding given as a parameter is not judged: the caller chooses.
func chosen(c *gin.Context, b binding.Binding) {
	var it item
	c.ShouldBindWith(&it, b)
}

// bindVar is the realworld example app's common.Bind: the binding is held
// in a local variable first, every assignment of which is a body binding.
func bindVar(c *gin.Context, obj any) error { // want bindVar:`reads\(0:gin ShouldBindWith \(binding.Default\)\)`
	b := binding.Default(c.Request.Method, c.ContentType())
	return c.ShouldBindWith(obj, b)
}

func signup(c *gin.Context) { // want signup:`reads\(0:gin ShouldBindWith \(binding.Default\)\)`
	var it item
	bindVar(c, &it) // want `bindVar \(gin ShouldBindWith \(binding.Default\)\) reads the whole request body into memory with no limit on this route`
}

// Both assignments are body bindings: the message names the last one
// before the call.
func importAny(c *gin.Context) { // want importAny:`reads\(0:gin ShouldBindWith \(binding.XML\)\)`
	var it item
	b := binding.JSON
	if c.ContentType() == "application/xml" {
		b = binding.XML
	}
	c.ShouldBindWith(&it, b) // want `gin ShouldBindWith \(binding.XML\) reads the whole request body`
}

// Fine: on one path the variable holds binding.Query, which reads no body;
// precision first, a variable with any other assignment is not judged.
func maybeQuery(c *gin.Context) {
	var it item
	var b binding.Binding = binding.JSON
	if c.Request.Method == http.MethodGet {
		b = binding.Query
	}
	c.ShouldBindWith(&it, b)
}

// Fine: a closure may assign the variable anything when it runs.
func reassigned(c *gin.Context, pick func(func())) {
	var it item
	var b binding.Binding = binding.JSON
	pick(func() { b = binding.Header })
	c.ShouldBindWith(&it, b)
}

// Fine: a function given its address may store any binding in it.
func byPointer(c *gin.Context, pick func(*binding.Binding)) {
	var it item
	var b binding.Binding = binding.JSON
	pick(&b)
	c.ShouldBindWith(&it, b)
}

// Fine: a variable declared with no value holds nil until assigned.
func unset(c *gin.Context) {
	var it item
	var b binding.Binding
	c.ShouldBindWith(&it, b)
}

// register reads the body for a second binding: ShouldBindBodyWith reads it
// whole with io.ReadAll whatever binding it is given (ezbookkeeping's
// registration endpoint).
func register(c *gin.Context) { // want register:`reads\(0:gin ShouldBindBodyWith\)`
	var it item
	c.ShouldBindBodyWith(&it, binding.JSON) // want `gin ShouldBindBodyWith reads the whole request body into memory with no limit on this route`
}

func importXML(c *gin.Context) { // want importXML:`reads\(0:gin ShouldBindBodyWithXML\)`
	var it item
	c.ShouldBindBodyWithXML(&it) // want `gin ShouldBindBodyWithXML reads the whole request body into memory with no limit on this route`
}

func main() {
	r := gin.Default()
	r.POST("/items", create)
	r.PUT("/items", update)
	r.GET("/search", search)
	r.POST("/form", form)
	r.POST("/register", register)
	r.POST("/import", importXML)
	r.POST("/signup", signup)
	r.POST("/import/any", importAny)
	r.POST("/maybe", maybeQuery)
	r.POST("/reassigned", func(c *gin.Context) { reassigned(c, func(f func()) { f() }) })
	r.POST("/pointer", func(c *gin.Context) { byPointer(c, func(*binding.Binding) {}) })
	r.POST("/unset", unset)
	r.Run(":8080")
}
