// Package option is a stub of google.golang.org/api/option v0.309.0 for
// memlint's tests. This file holds the credential options (perrequest).
package option

import "golang.org/x/oauth2"

func WithTokenSource(s oauth2.TokenSource) ClientOption { return nil }

func WithCredentialsJSON(p []byte) ClientOption { return nil }
