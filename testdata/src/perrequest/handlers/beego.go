package handlers

import (
	"context"
	"net/http"

	"cloud.google.com/go/storage"
	"github.com/beego/beego/v2/server/web"
	beecontext "github.com/beego/beego/v2/server/web/context"
)

// UploadController is a beego controller: beego builds one per request
// and calls the routed action on it.
type UploadController struct {
	web.Controller
}

func (c *UploadController) Upload() {
	client, err := storage.NewClient(c.Ctx.Request.Context()) // want `storage.Client from storage.NewClient is built per request \(its own HTTP connection pool`
	if err != nil {
		return
	}
	defer client.Close()
	client.Bucket("b").Object("o")
}

// beegoFilter is a FilterFunc, run for every request it matches.
func beegoFilter(ctx *beecontext.Context) {
	t := &http.Transport{} // want `http.Transport from &http.Transport\{\} is built per request`
	_ = t
}

// Fine: a method of a type that holds a controller without embedding it
// is no action, and nothing calls it per request. Its fact says it builds
// a client per call, for callers that are.
type notAController struct {
	c web.Controller
}

func (n *notAController) Start() { // want Start:`perCall\(storage.NewClient\)`
	client, err := storage.NewClient(context.Background())
	if err != nil {
		return
	}
	defer client.Close()
}
