package allflag

import (
	"encoding/json"
	"testing"
)

func TestDump(t *testing.T) {
	b, _ := json.MarshalIndent(make(map[string][]int), "", "  ") // want `json.MarshalIndent of map\[string\]\[\]int \(any size\)`
	t.Log(string(b))
}
