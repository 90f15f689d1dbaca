// Package require is a stub of github.com/stretchr/testify/require
// (v1.10.0): only what memlint's tests use, with upstream's signatures.
package require

// TestingT is an interface wrapper around *testing.T.
type TestingT interface {
	Errorf(format string, args ...interface{})
	FailNow()
}

// Error asserts that a function returned an error (i.e. not `nil`).
func Error(t TestingT, err error, msgAndArgs ...interface{}) {}

// EqualError asserts that a function returned an error (i.e. not `nil`)
// and that it is equal to the provided error.
func EqualError(t TestingT, theError error, errString string, msgAndArgs ...interface{}) {}

// NoError asserts that a function returned no error (i.e. `nil`).
func NoError(t TestingT, err error, msgAndArgs ...interface{}) {}

// FailNow fails test
func FailNow(t TestingT, failureMessage string, msgAndArgs ...interface{}) {}

// Nil asserts that the specified object is nil.
func Nil(t TestingT, object interface{}, msgAndArgs ...interface{}) {}

// NotNil asserts that the specified object is not nil.
func NotNil(t TestingT, object interface{}, msgAndArgs ...interface{}) {}
