// Package oauth2 is a stub of golang.org/x/oauth2 v0.37.0 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package oauth2

// Token represents the credentials used to authorize the requests.
type Token struct {
	AccessToken string
}

// A TokenSource is anything that can return a token.
type TokenSource interface {
	Token() (*Token, error)
}

func StaticTokenSource(t *Token) TokenSource { return nil }
