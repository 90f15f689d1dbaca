// Package passset picks the passes a run enables, by the one rule every
// memlint front end follows (the CLI and go vet's -NAME flags, the
// language server's, golangci-lint's enable/disable settings), which is
// multichecker's: if any pass is turned on explicitly, only those run;
// otherwise all run but those turned off.
package passset

import "golang.org/x/tools/go/analysis"

// Select returns the analyzers of all that run, in the order of all, given
// the passes turned on (true) or off (false) explicitly, by name; names
// absent from set were not mentioned.
func Select(all []*analysis.Analyzer, set map[string]bool) []*analysis.Analyzer {
	anyOn := false
	for _, on := range set {
		anyOn = anyOn || on
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if on, ok := set[a.Name]; anyOn && on || !anyOn && (!ok || on) {
			out = append(out, a)
		}
	}
	return out
}
