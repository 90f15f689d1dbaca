// Package reachlib has a function that builds a client on some of its
// calls only: it carries no fact, so callers in other packages are not
// told it builds anything.
package reachlib

import (
	"context"
	"net/http"
	"strings"
)

// Lookup fetches a value over HTTP only when it names a remote one
// (minio's env.LookupEnv).
func Lookup(ctx context.Context, v string) string {
	if !strings.HasPrefix(v, "env://") {
		return v
	}
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, "GET", "https"+v[3:], nil)
	if err != nil {
		return v
	}
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		return v
	}
	resp.Body.Close()
	return resp.Status
}
