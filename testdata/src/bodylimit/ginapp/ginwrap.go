package ginapp

import "github.com/gin-gonic/gin"

// webContext is a service's own context around gin's (ezbookkeeping's
// core.WebContext).
type webContext struct {
	*gin.Context
	proxies []string
}

func wrapContext(c *gin.Context, proxies []string) *webContext {
	return &webContext{Context: c, proxies: proxies}
}

// The wrapper built from the handler's context reads the handler's
// request.
func rpc(ginCtx *gin.Context) { // want rpc:`reads\(0:gin ShouldBindBodyWithJSON\)`
	c := wrapContext(ginCtx, nil)
	var it item
	c.ShouldBindBodyWithJSON(&it) // want `gin ShouldBindBodyWithJSON reads the whole request body`
}

// Fine: a context built from no request of this handler's is not judged.
func detached(ginCtx *gin.Context) {
	c := wrapContext(&gin.Context{}, nil)
	var it item
	c.ShouldBindBodyWithJSON(&it)
}

func serveRPC() {
	r := gin.New()
	r.POST("/rpc", rpc)
	r.POST("/detached", detached)
	r.Run(":8081")
}
