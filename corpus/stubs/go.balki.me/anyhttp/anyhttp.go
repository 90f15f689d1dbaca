// Package anyhttp stands in for go.balki.me/anyhttp, which homebox's
// server imports from a host the corpus machine cannot reach (the proxy
// refuses it). It declares only what its importers use, so they
// type-check; memlint never reports in it.
package anyhttp

import (
	"errors"
	"net"
	"time"
)

// AddressType says what kind of address GetListener was given.
type AddressType int

// The address kinds GetListener reports.
const (
	Unknown AddressType = iota
	UnixSocket
	SystemdFD
	TCPPort
)

// SysdConfig is the configuration of a systemd socket-activated address.
type SysdConfig struct {
	IdleTimeout *time.Duration
}

// GetListener returns a listener for addr; this stub never makes one.
func GetListener(addr string) (net.Listener, AddressType, any, error) {
	return nil, Unknown, nil, errors.New("anyhttp stub: no listener")
}
