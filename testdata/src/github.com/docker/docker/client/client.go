// Package client is a stub of github.com/docker/docker/client
// (v28.5.2+incompatible) with the upstream signatures memlint's tests use.
package client

import "net/http"

// Client is the API client that performs all operations against a docker
// server.
type Client struct {
	client        *http.Client
	baseTransport *http.Transport
}

// Opt is a configuration option to initialize a Client.
type Opt func(*Client) error

// FromEnv configures the client with values from environment variables.
func FromEnv(c *Client) error { return nil }

// WithAPIVersionNegotiation enables automatic API version negotiation.
func WithAPIVersionNegotiation() Opt { return func(*Client) error { return nil } }

// NewClientWithOpts initializes a new API client with a default HTTPClient
// (its own http.Transport), and default API host and version.
func NewClientWithOpts(ops ...Opt) (*Client, error) {
	tr := &http.Transport{}
	return &Client{client: &http.Client{Transport: tr}, baseTransport: tr}, nil
}

// NewEnvClient initializes a new API client based on environment variables
// (deprecated upstream: use NewClientWithOpts(FromEnv)).
func NewEnvClient() (*Client, error) { return NewClientWithOpts(FromEnv) }

// Close the transport used by the client.
func (cli *Client) Close() error {
	if cli.baseTransport != nil {
		cli.baseTransport.CloseIdleConnections()
	}
	return nil
}
