// Package api registers its handlers on the router it is given. // want package:"program\\(reads\\(api\\.\\(\\*API\\)\\.handlePostBlocks\\)\\)"
package api

import (
	"io"
	"net/http"

	"github.com/gorilla/mux"
)

// API holds the handlers.
type API struct{}

// RegisterRoutes registers the handlers.
func (a *API) RegisterRoutes(r *mux.Router) { // want RegisterRoutes:"routers\\(0\\) registers\\(0:\\(\\*API\\)\\.handlePostBlocks\\)"
	r.HandleFunc("/blocks", a.handlePostBlocks).Methods("POST")
}

func (a *API) handlePostBlocks(w http.ResponseWriter, r *http.Request) { // want handlePostBlocks:"reads\\(1:io\\.ReadAll\\)"
	io.ReadAll(r.Body)
}
