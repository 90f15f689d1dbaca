// Package fiber checks that fiber v2 handlers are not reported: fasthttp
// parses the form from the body it already holds in memory (or, with
// StreamRequestBody, into files above 8 KiB) and removes the form itself
// when the handler returns, so a RemoveAll frees nothing earlier.
package fiber

import (
	"io"

	"github.com/gofiber/fiber/v2"
)

// Fine: fasthttp removes the form when the handler returns.
func upload(c *fiber.Ctx) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return err
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(io.Discard, f)
	return err
}

// Fine: likewise for the whole form.
func uploadForm(c *fiber.Ctx) error {
	form, err := c.MultipartForm()
	if err != nil {
		return err
	}
	return c.Send([]byte(form.Value["name"][0]))
}

// Fine: a helper taking the fiber context owns no form either.
func parse(c *fiber.Ctx) (int, error) {
	form, err := c.MultipartForm()
	if err != nil {
		return 0, err
	}
	return len(form.File), nil
}
