// Package socks stands in for code.as/core/socks, which writefreely's
// go-writeas client imports from a host the corpus machine cannot reach.
// It declares only what its importers use, so they type-check; memlint
// never reports in it.
package socks

import "net"

// The proxy kinds DialSocksProxy takes.
const (
	SOCKS4 = iota
	SOCKS4A
	SOCKS5
)

// DialSocksProxy returns a dial function; this stub dials directly.
func DialSocksProxy(socksType int, proxy string) func(string, string) (net.Conn, error) {
	return func(network, addr string) (net.Conn, error) { return net.Dial(network, addr) }
}
