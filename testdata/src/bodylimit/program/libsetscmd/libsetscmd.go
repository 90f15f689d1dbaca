// Command libsetscmd starts its server with a library function that sets // want package:`program\(reads\(api\.\(\*Handler\)\.create,api\.\(\*Handler\)\.Handle\)\)`
// the server's Handler first (example.com/zserve.ServeBounded, which
// wraps it in http.MaxBytesHandler): that function carries no servers
// fact, no server of the package's handler is known to start unbounded,
// and the program rule stays silent.
package main

import (
	"net/http"

	"bodylimit/program/api"
	"example.com/zserve"
)

func main() {
	zserve.ServeBounded(&http.Server{Addr: ":8080", Handler: api.New()})
}
