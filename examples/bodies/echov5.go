package bodies

import (
	"context"
	"io"
	"net/http"
	"strconv"

	echov5 "github.com/labstack/echo/v5"
)

// ServeEchoV5 starts an echo v5 router with echo's StartConfig, whose
// Start serves the handler it is given: bodylimit follows it as a serve
// call. Its one route reads no body.
func ServeEchoV5(ctx context.Context, addr string) error {
	e := echov5.New()
	e.GET("/health", func(c *echov5.Context) error { return c.String(http.StatusOK, "ok") })
	return echov5.StartConfig{Address: addr, HideBanner: true}.Start(ctx, e)
}

type echoV5Item struct{ Name string }

// echoV5CreateLeaky binds the body with echo v5's Bind, which decodes it
// whole with no limit on the route.
func echoV5CreateLeaky(c *echov5.Context) error {
	var it echoV5Item
	if err := c.Bind(&it); err != nil { // LEAK
		return err
	}
	return c.JSON(http.StatusCreated, it)
}

// echoV5AvatarLeaky reads an uploaded file whole.
func echoV5AvatarLeaky(c *echov5.Context) error {
	fh, err := c.FormFile("avatar")
	if err != nil {
		return err
	}
	f, err := fh.Open()
	if err != nil {
		return err
	}
	defer f.Close()
	data, err := io.ReadAll(f) // LEAK
	if err != nil {
		return err
	}
	return c.String(http.StatusOK, strconv.Itoa(len(data)))
}

// ServeEchoV5Leaky serves echo v5 handlers with no body limit.
func ServeEchoV5Leaky(ctx context.Context, addr string) error {
	e := echov5.New()
	e.POST("/items", echoV5CreateLeaky)
	e.POST("/avatar", echoV5AvatarLeaky)
	return echov5.StartConfig{Address: addr, HideBanner: true}.Start(ctx, e)
}
