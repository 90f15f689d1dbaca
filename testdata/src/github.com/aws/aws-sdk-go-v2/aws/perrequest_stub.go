// Package aws is a stub of github.com/aws/aws-sdk-go-v2/aws v1.48.0 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures.
package aws

// Config provides service configuration for service clients.
type Config struct {
	Region string
}
