package passset

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSelect(t *testing.T) {
	all := []*analysis.Analyzer{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	for _, tc := range []struct {
		set  map[string]bool
		want []string
	}{
		{nil, []string{"a", "b", "c"}},
		{map[string]bool{"b": false}, []string{"a", "c"}},
		{map[string]bool{"c": true, "a": true}, []string{"a", "c"}},
		{map[string]bool{"c": true, "b": false}, []string{"c"}},
		{map[string]bool{"a": false, "b": false, "c": false}, nil},
		{map[string]bool{"unknown": true}, nil}, // an unknown name turned on still selects only it
	} {
		var got []string
		for _, a := range Select(all, tc.set) {
			got = append(got, a.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Select(%v) = %v, want %v", tc.set, got, tc.want)
		}
	}
}
