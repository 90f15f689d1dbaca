// Package allflag is checked with -jsonindent.all: every indenting encoder
// of an unbounded value is reported, request path or not.
package allflag

import (
	"encoding/json"
	"fmt"
	"os"
)

type Config struct {
	Hosts []string
}

type Version struct{ Major, Minor int }

func main() {
	b, _ := json.MarshalIndent(Config{Hosts: os.Args}, "", "  ") // want `json.MarshalIndent of Config \(any size\)`
	fmt.Println(string(b))

	// Still fine: a bounded value.
	v, _ := json.MarshalIndent(Version{1, 2}, "", "  ")
	fmt.Println(string(v))
}
