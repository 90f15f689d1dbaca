package testfail

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Fine: the goroutine is left blocked only when the timeout fails the
// test (t.Fatal): a failed run, not a leak worth a finding.
func TestFatalOnTimeout(t *testing.T) {
	done := make(chan error)
	go func() {
		done <- work()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(time.Second):
		t.Fatal("timeout")
	}
}

// Fine: the same with testify's require.FailNow.
func TestRequireFailNow(t *testing.T) {
	done := make(chan struct{})
	go func() {
		work()
		done <- struct{}{}
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		require.FailNow(t, "timeout")
	}
}

// Fine: t.Error marks the test failed, and the return follows.
func TestErrorThenReturn(t *testing.T) {
	done := make(chan error)
	go func() {
		done <- work()
	}()
	if testing.Short() {
		t.Error("cannot run short")
		return
	}
	<-done
}

// The timeout path returns without failing the test: the goroutine is
// left blocked in a passing run.
func TestTimeoutPasses(t *testing.T) {
	done := make(chan error)
	go func() {
		done <- work() // want `blocks forever sending on unbuffered channel done`
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Log("slow, skipping the check")
	}
}
