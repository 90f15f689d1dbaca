// Package testdataroot locates the repository's shared analysistest tree,
// testdata/src, which every pass's tests use as their GOPATH.
package testdataroot

import (
	"path/filepath"
	"runtime"
)

// Dir returns the absolute path of the repository's testdata directory
// (the directory holding src/). analysistest requires an absolute path.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testdataroot: cannot locate source file")
	}
	dir, err := filepath.Abs(filepath.Join(filepath.Dir(file), "..", "..", "testdata"))
	if err != nil {
		panic(err)
	}
	return dir
}

// Examples returns the absolute path of the examples/ module, which uses the
// real libraries memlint matches.
func Examples() string {
	return filepath.Join(filepath.Dir(Dir()), "examples")
}
