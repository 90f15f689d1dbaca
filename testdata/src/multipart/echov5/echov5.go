package echov5

import "github.com/labstack/echo/v5"

func upload(c *echo.Context) error {
	file, err := c.FormFile("file") // want `echo FormFile without RemoveAll of c's multipart form`
	if err != nil {
		return err
	}
	_ = file
	return nil
}

func uploadClean(c *echo.Context) error {
	file, err := c.FormFile("file") // fine: removed
	if err != nil {
		return err
	}
	defer c.Request().MultipartForm.RemoveAll()
	_ = file
	return nil
}
