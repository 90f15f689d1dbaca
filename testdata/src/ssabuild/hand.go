package ssabuild

import "os"

// Long is as long as Register, but not generated: built, with its literal.
func Long(fs []*os.File) func() { // want `Long: built, 1 literals`
	n := 0
	for _, f := range fs {
		n++
		f.Close()
	}
	return func() {
		n--
	}
}

// Use calls the elided function: Elided says so.
func Use(fs []*os.File) { // want `Use: built, 0 literals`
	Register(fs)() // want `calls Register, elided`
	Release(fs[0]) // want `calls Release, built`
}
