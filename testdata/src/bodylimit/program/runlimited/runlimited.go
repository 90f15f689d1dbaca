// Command runlimited bounds the handler it gives the serving function. // want package:"program\\(limits reads\\(api\\.\\(\\*Handler\\)\\.create,api\\.\\(\\*Handler\\)\\.Handle\\) through\\(1\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/api"
	"bodylimit/program/exported"
)

func main() {
	exported.Serve(http.MaxBytesHandler(api.New(), 1<<20)) // fine: bounded
}
