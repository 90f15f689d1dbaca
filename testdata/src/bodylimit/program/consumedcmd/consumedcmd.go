// Command consumedcmd serves consumed.Post: the program rule names its // want package:"program\\(covered\\(1\\)\\)"
// first read, not the helper call that reads what is left.
package main

import (
	"net/http"

	"bodylimit/program/consumed"
)

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/post", consumed.Post)
	return mux
}

func main() {
	http.ListenAndServe(":8080", routes()) // want `^consumed\.Post \(io\.ReadAll\) reads request bodies whole with no body limit`
}
