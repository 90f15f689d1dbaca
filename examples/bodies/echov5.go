package bodies

import (
	"context"
	"net/http"

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
