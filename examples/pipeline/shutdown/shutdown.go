// Package shutdown closes resources and logs failures. Its functions carry
// the ownership engine's "releases" facts (internal/ownership) that let
// callers in other packages defer them.
package shutdown

import (
	"io"
	"log"
)

// Quietly closes c and logs a failure under name.
func Quietly(name string, c io.Closer) { // want Quietly:"releases\\(1\\)"
	if err := c.Close(); err != nil {
		log.Printf("closing %s: %v", name, err)
	}
}
