// Package frameworks asserts the table's view of gin, echo v4, echo v5 and
// fiber v2 handlers.
package frameworks

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	echo "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
)

func ginHandler(c *gin.Context) { // want `handler gin; on request path; holder c gin; writer c`
	_ = c.Query("a")            // want `input query gin`
	_ = c.DefaultQuery("a", "") // want `input query gin`
	_, _ = c.GetQuery("a")      // want `input query gin`
	_ = c.Param("id")           // want `input path parameter gin`
}

// gin handlers return nothing.
func ginHelper(c *gin.Context) error { return nil } // want `on request path; holder c gin; writer c`

func echoHandler(c echo.Context) error { // want `handler echo; on request path; holder c echo; writer c`
	_ = c.QueryParam("a") // want `input query echo`
	_ = c.Param("id")     // want `input path parameter echo`
	_ = c.FormValue("a")  // want `input form echo`
	return nil
}

// A pointer to echo v4's interface Context is not a holder.
func echoPointer(c *echo.Context) error { return nil }

func echo5Handler(c *echo5.Context) error { // want `handler echo v5; on request path; holder c echo v5; writer c`
	_ = c.QueryParam("a") // want `input query echo v5`
	_ = c.FormValue("a")  // want `input form echo v5`
	return nil
}

// echo v5's Context by value is not a holder.
func echo5Value(c echo5.Context) error { return nil }

func fiberHandler(c *fiber.Ctx) error { // want `handler fiber; on request path; holder c fiber; writer c`
	_ = c.Query("a")         // want `input query fiber`
	_ = c.QueryInt("a", 10)  // want `input query fiber`
	_ = c.Params("id")       // want `input path parameter fiber`
	_, _ = c.ParamsInt("id") // want `input path parameter fiber`
	_ = c.FormValue("a")     // want `input form fiber`
	return nil
}

var _ fiber.Handler = fiberHandler

func closure() {
	h := func(c *fiber.Ctx) error { return nil } // want `handler fiber; on request path; holder c fiber; writer c`
	_ = h
}
