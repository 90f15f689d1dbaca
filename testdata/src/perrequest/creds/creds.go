// Package creds: a client per caller's credentials.
package creds

import (
	"net/http"

	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/storage"
	"golang.org/x/oauth2"
	"google.golang.org/api/option"
)

// asUser acts with the caller's own OAuth token: cloud.google.com/go has
// no per-call credentials, so a client per identity is its API.
func asUser(w http.ResponseWriter, r *http.Request) {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: r.Header.Get("Authorization")})
	client, err := storage.NewClient(r.Context(), option.WithTokenSource(ts))
	if err != nil {
		return
	}
	defer client.Close()
	client.Bucket("b")
}

func asServiceAccount(w http.ResponseWriter, r *http.Request) {
	c, err := pubsub.NewClient(r.Context(), "p", option.WithCredentialsJSON([]byte(r.Header.Get("X-Key"))))
	if err != nil {
		return
	}
	defer c.Close()
}
