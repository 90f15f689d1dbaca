// Package fetchuse takes the page size from the request and hands it to
// the repository of another package.
package fetchuse

import (
	"net/http"
	"strconv"

	"querylimit/fetchrepo"
)

func list(repo *fetchrepo.Repo) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		num, _ := strconv.ParseInt(r.URL.Query().Get("num"), 10, 64)
		repo.Fetch(r.Context(), r.URL.Query().Get("cursor"), num) // want `limit from r.URL.Query\(\).Get\("num"\) reaches Repo.Fetch.s num \(a row bound\) with no upper bound`
	}
}

// Fine: clamped.
func listClamped(repo *fetchrepo.Repo) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		num, _ := strconv.ParseInt(r.URL.Query().Get("num"), 10, 64)
		if num <= 0 || num > 100 {
			num = 100
		}
		repo.Fetch(r.Context(), r.URL.Query().Get("cursor"), num)
	}
}
