// Command limited bounds bodies in a middleware of its own: the module bounds bodies, so silent (the program rule). // want package:"program\\(limits reads\\(api\\.\\(\\*Handler\\)\\.create,api\\.\\(\\*Handler\\)\\.Handle\\) through\\(1\\)\\)"
package main

import (
	"net/http"

	"bodylimit/program/api"
)

func limit(next http.Handler) http.Handler { // want limit:"limiter"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		next.ServeHTTP(w, r)
	})
}

func main() {
	http.ListenAndServe(":3", limit(api.New()))
}
