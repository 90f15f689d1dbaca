// Package options is a stub of go.mongodb.org/mongo-driver/mongo/options
// v1.17.10 for memlint's tests. This file holds what perrequest inspects.
package options

// ClientOptions contains options to configure a Client instance.
type ClientOptions struct{}

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions { return c }
