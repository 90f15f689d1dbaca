package allflag

import (
	"encoding/json"
	"testing"
)

func TestDump(t *testing.T) {
	b, _ := json.MarshalIndent(make(map[string][]int), "", "  ") // want `json.MarshalIndent of map\[string\]\[\]int \(unbounded\)`
	t.Log(string(b))
}
