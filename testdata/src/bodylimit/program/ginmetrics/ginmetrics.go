// Command ginmetrics starts a metrics server of a gin engine on which // want package:"program\\(reads\\(ginhandlers\\.List,ginhandlers\\.Report\\) covered\\(1\\)\\)"
// only a library's handler is registered, behind a library's middleware
// (bulker's MetricsServer: gin.Recovery() and
// engine.GET("/metrics", gin.WrapH(promhttp.Handler()))), before its API
// server: the program rule reports at the server that serves the routes.
package main

import (
	"net/http"
	"net/http/pprof"

	"github.com/gin-gonic/gin"

	"bodylimit/program/ginhandlers"
)

type metricsServer struct {
	server *http.Server
}

func newMetricsServer() *metricsServer {
	engine := gin.New()
	engine.Use(gin.Recovery())
	engine.GET("/metrics", gin.WrapH(pprof.Handler("heap")))
	return &metricsServer{server: &http.Server{Addr: ":9090", Handler: engine}}
}

func (m *metricsServer) start() {
	go m.server.ListenAndServe() // serves only a library's handler
}

func routes() *gin.Engine {
	api := gin.New()
	api.Use(gin.Recovery())
	api.POST("/items", ginhandlers.Create)
	return api
}

func main() {
	newMetricsServer().start()
	http.ListenAndServe(":8080", routes()) // want `^ginhandlers\.Create \(gin ShouldBind\) reads request bodies whole with no body limit`
}
