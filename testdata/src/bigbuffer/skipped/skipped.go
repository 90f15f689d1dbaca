// Package skipped checks that _test.go and generated files are not analysed.
package skipped

func Nothing() {}
