package passutil

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Guard wraps an analyzer's run function so that a panic becomes an error
// naming the pass and the package instead of crashing the whole driver.
// Under golangci-lint a panicking plugin would otherwise take every other
// linter's findings down with it. It also reports malformed
// //memlint:ignore directives (see checkDirectives).
func Guard(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res = nil
				err = fmt.Errorf("internal error: memlint pass %s panicked on package %s: %v\n%s\nplease report this at https://github.com/memlint/memlint/issues",
					name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		res, err = run(pass)
		checkDirectives(pass)
		return res, err
	}
}
