// Command pprofonly starts a debug server of the default ServeMux, where // want package:"program\\(reads\\(api\\.\\(\\*Handler\\)\\.create,api\\.\\(\\*Handler\\)\\.Handle\\) through\\(1\\)\\)"
// only net/http/pprof registers, and serves its API through a starter the
// pass does not follow: the debug server serves none of the module's
// handlers, so nothing is reported at it.
package main

import (
	"net/http"
	_ "net/http/pprof"

	"bodylimit/program/api"
)

type starter interface{ Start(h http.Handler) error }

func run(s starter) error { return s.Start(api.New()) }

func main() {
	go http.ListenAndServe("localhost:6060", nil) // silent: no package of the module registers on the default ServeMux
	run(nil)
}
