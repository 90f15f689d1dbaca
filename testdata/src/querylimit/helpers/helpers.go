// Package helpers has page-size helpers used from another package.
package helpers

import (
	"net/http"
	"strconv"
)

// Limit clamps the "limit" parameter to [1, 200].
func Limit(r *http.Request) int { // want Limit:"boundsResult"
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || n < 1 {
		return 50
	}
	return min(n, 200)
}

// RawLimit parses the "limit" parameter without clamping it.
func RawLimit(r *http.Request) int64 { // want RawLimit:"requestInput"
	n, _ := strconv.ParseInt(r.FormValue("limit"), 10, 64)
	return n
}

// Fine: a constant has no fact (nothing to assert).
func Default() int { return 50 }
