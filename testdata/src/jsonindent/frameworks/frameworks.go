// Package frameworks exercises gin's IndentedJSON and echo's JSONPretty.
package frameworks

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
)

type Order struct {
	ID    int64
	Lines []Line
}

type Line struct {
	SKU string
	Qty int
}

type Status struct {
	OK      bool
	Version string
}

// allOrders reads every row of a query: the values built from it hold rows.
func allOrders() (out []Order) {
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		out = append(out, Order{})
	}
	return out
}

var store *sql.DB

func ginOrders(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, allOrders()) // want `\(\*gin.Context\).IndentedJSON of \[\]Order \(rows of a query\) on a request path holds the compact and the indented document in memory at once; use JSON`
}

// Fine: gin's JSON marshals once.
func ginOrdersCompact(c *gin.Context) {
	c.JSON(http.StatusOK, allOrders())
}

// Fine: a bounded status struct.
func ginStatus(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, Status{OK: true})
}

// Fine: a gin.H literal of scalars.
func ginHealth(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, gin.H{"status": "ok", "version": "1.2.3"})
}

func ginWrapped(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, gin.H{"orders": allOrders(), "count": 3}) // want `IndentedJSON of gin.H \(rows of a query\)`
}

// A gin.H grown in a rows loop.
func ginRows(c *gin.Context, rows *sql.Rows) {
	out := gin.H{}
	for rows.Next() {
		var k string
		var v int
		rows.Scan(&k, &v)
		out[k] = v
	}
	c.IndentedJSON(http.StatusOK, out) // want `IndentedJSON of gin.H \(rows of a query\)`
}

// Fine: a gin.H variable holding only scalars, never grown.
func ginStatusVar(c *gin.Context) {
	h := gin.H{"status": "ok"}
	c.IndentedJSON(http.StatusOK, h)
}

func echoOrders(c echo.Context) error {
	return c.JSONPretty(http.StatusOK, allOrders(), "  ") // want `echo.Context.JSONPretty of \[\]Order \(rows of a query\) on a request path holds the compact and the indented document in memory at once; use JSON`
}

// Fine: an empty indent does not indent.
func echoNoIndent(c echo.Context) error {
	return c.JSONPretty(http.StatusOK, allOrders(), "")
}

// Fine: a bounded value.
func echoStatus(c echo.Context) error {
	return c.JSONPretty(http.StatusOK, &Status{OK: true}, "  ")
}

// echo v5, whose Context is a struct.
func echoV5Orders(c *echov5.Context) error {
	return c.JSONPretty(http.StatusOK, allOrders(), "  ") // want `^\(\*echo.Context\).JSONPretty of \[\]Order \(rows of a query\) on a request path holds the compact and the indented document in memory at once; use JSON`
}

// Fine: a bounded value (echo v5).
func echoV5Status(c *echov5.Context) error {
	return c.JSONPretty(http.StatusOK, &Status{OK: true}, "  ")
}

// Fine: echo's JSON.
func echoOrdersCompact(c echo.Context) error {
	return c.JSON(http.StatusOK, allOrders())
}
