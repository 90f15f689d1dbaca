// Command startconfig starts a debug server of the default ServeMux, where // want package:"program\\(covered\\(3\\)\\)"
// only net/http/pprof registers, and serves its API with echo v5's
// StartConfig (traQ's layout): the program rule reports at
// StartConfig.Start, which serves the module's handlers.
package main

import (
	"context"
	"net/http"
	_ "net/http/pprof"

	"github.com/labstack/echo/v5"

	"bodylimit/program/api"
)

func main() {
	go http.ListenAndServe("localhost:6060", nil) // serves only net/http/pprof
	sc := echo.StartConfig{Address: ":8080", HideBanner: true}
	sc.Start(context.Background(), api.New()) // want `^2 functions read request bodies whole`
}
