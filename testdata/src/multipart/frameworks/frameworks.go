package frameworks

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func ginFormFile(c *gin.Context) {
	fh, err := c.FormFile("file") // want `^gin FormFile without RemoveAll of c.s multipart form on every path: if the request is a copy`
	if err != nil {
		c.JSON(http.StatusBadRequest, err.Error())
		return
	}
	_ = fh
}

func ginFormFileRemoved(c *gin.Context) {
	fh, err := c.FormFile("file") // fine: the request's form is removed
	if err != nil {
		return
	}
	defer c.Request.MultipartForm.RemoveAll()
	_ = fh
}

func ginMultipartForm(c *gin.Context) {
	form, err := c.MultipartForm() // want `gin MultipartForm without RemoveAll of c's multipart form`
	if err != nil {
		return
	}
	_ = form.File
}

func ginMultipartFormRemoved(c *gin.Context) {
	form, err := c.MultipartForm() // fine: the returned form is the request's form
	if err != nil {
		return
	}
	defer form.RemoveAll()
}

func ginViaRequest(c *gin.Context) {
	c.Request.ParseMultipartForm(1 << 20) // want `ParseMultipartForm without RemoveAll of c's multipart form`
}

func echoFormFile(c echo.Context) error {
	fh, err := c.FormFile("file") // want `echo FormFile without RemoveAll of c's multipart form`
	if err != nil {
		return err
	}
	_ = fh
	return nil
}

func echoFormFileRemoved(c echo.Context) error {
	fh, err := c.FormFile("file") // fine: removed through c.Request()
	if err != nil {
		return err
	}
	defer c.Request().MultipartForm.RemoveAll()
	_ = fh
	return nil
}

func echoMultipartForm(c echo.Context) error {
	form, err := c.MultipartForm() // fine: removed
	if err != nil {
		return err
	}
	defer form.RemoveAll()
	return c.JSON(http.StatusOK, len(form.File))
}

func echoFormValue(c echo.Context) error {
	_ = c.FormValue("name") // fine: not a multipart parse we track
	return nil
}
