// Package frameworks asserts the table's view of gin, echo v4, echo v5 and
// fiber v2 handlers.
package frameworks

import (
	"net/http"

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

// A service's own context embedding the framework's is a holder of that
// framework: its methods are promoted (echo's documented CustomContext,
// opengist's handlers taking *context.Context).
type EchoContext struct {
	echo.Context
	User string
}

func customEcho(ctx *EchoContext) error { // want `handler echo; on request path; holder ctx echo; writer ctx`
	_ = ctx.QueryParam("a") // want `input query echo`
	return nil
}

type GinContext struct {
	*gin.Context
}

func customGin(ctx *GinContext) { // want `handler gin; on request path; holder ctx gin; writer ctx`
	_ = ctx.Query("a") // want `input query gin`
}

type Echo5Context struct {
	*echo5.Context
}

func customEcho5(ctx *Echo5Context) error { // want `handler echo v5; on request path; holder ctx echo v5; writer ctx`
	return nil
}

// Not holders: the custom context by value, a named (not embedded)
// field, a struct embedding *http.Request (clients wrap requests too),
// and one embedding a custom context (one level only).
func customByValue(ctx EchoContext) error { return nil }

type named struct{ c echo.Context }

func namedField(n *named) error { return nil }

type wrappedRequest struct{ *http.Request }

func wrapsRequest(r *wrappedRequest) {}

type deeper struct{ *EchoContext }

func twoLevels(d *deeper) error { return nil }
