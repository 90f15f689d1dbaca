// Package docker reports whether a Docker daemon is reachable, written
// both the way that builds a Docker client (its own http.Transport to the
// daemon) on every request and the way that builds it once.
package docker

import (
	"net/http"
	"sync"

	"github.com/docker/docker/client"
)

// LeakyFeatures builds a client per request and never closes it: each
// request leaves a transport with an idle connection to the daemon.
func LeakyFeatures(w http.ResponseWriter, r *http.Request) {
	cli, err := client.NewClientWithOpts(client.FromEnv) // LEAK
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	if _, err := cli.Ping(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}

var (
	shared     *client.Client
	sharedErr  error
	sharedOnce sync.Once
)

// Features builds one client for the process and shares it.
func Features(w http.ResponseWriter, r *http.Request) {
	sharedOnce.Do(func() {
		shared, sharedErr = client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	})
	if sharedErr != nil {
		http.Error(w, sharedErr.Error(), http.StatusServiceUnavailable)
		return
	}
	if _, err := shared.Ping(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}
