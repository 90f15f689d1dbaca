// Command cmd is a package main: code in main runs once, loops in it do not.
package main

import (
	"bufio"
	"os"

	"github.com/gin-gonic/gin"
)

var handlers []gin.HandlerFunc

func main() {
	in := bufio.NewReaderSize(os.Stdin, 16<<20) // fine: one 16 MiB reader for the whole run
	scratch := make([]byte, 8<<20)              // fine: a single 8 MiB buffer allocated once
	_, _ = in, scratch
	for _, name := range os.Args[1:] {
		data := make([]byte, 8<<20) // want `make\(\[\]byte\) allocates 8 MiB per loop iteration`
		f, _ := os.Open(name)
		f.Read(data)
		f.Close()
	}
	handlers = append(handlers, func(c *gin.Context) {
		_ = make([]byte, 2<<20) // want `allocates 2 MiB per request`
	})
}
