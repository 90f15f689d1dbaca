// Package option is a stub of google.golang.org/api/option v0.309.0 for
// memlint's tests.
package option

// ClientOption is an option for a Google API client.
type ClientOption interface {
	Apply(*DialSettings)
}

// DialSettings stands in for the upstream internal.DialSettings.
type DialSettings struct{}
