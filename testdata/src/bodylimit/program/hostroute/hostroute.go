// Command hostroute serves its handlers through a library's host router // want package:"program\\(covered\\(1\\)\\)"
// given a map of them, wrapped in another library's handler
// (goatcounter's h2c.NewHandler(zhttp.HostRoute(hosts), ...)): the
// server serves the package's handlers, though every call on the way is
// a library's.
package main

import (
	"net/http"
	"time"

	"example.com/zserve"

	"bodylimit/program/consumed"
)

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/post", consumed.Post)
	return mux
}

func main() {
	hosts := map[string]http.Handler{"example.com": routes()}
	srv := &http.Server{Addr: ":8080", Handler: http.TimeoutHandler(zserve.HostRoute(hosts), time.Minute, "")}
	srv.ListenAndServe() // want `^consumed\.Post \(io\.ReadAll\) reads request bodies whole with no body limit`
}
