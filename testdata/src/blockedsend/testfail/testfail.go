// Package testfail holds tests whose goroutines are left blocked only on
// paths where the test has already failed.
package testfail

func work() error { return nil }
