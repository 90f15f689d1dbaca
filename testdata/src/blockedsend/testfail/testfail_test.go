package testfail

import (
	"errors"
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

// connect is fine: its timeout path returns an error, and its only
// caller fails the test on it (cfssl's connFromCommand): a failed run.
func connect() (int, error) {
	conn := make(chan int)
	go func() {
		conn <- accept()
	}()
	select {
	case c := <-conn:
		return c, nil
	case <-time.After(time.Second):
		return 0, errors.New("timed out")
	}
}

func TestConnect(t *testing.T) {
	c, err := connect()
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	_ = c
}

// dial's error is only logged by one of its callers: a passing run can
// leave the goroutine blocked.
func dial() (int, error) {
	conn := make(chan int)
	go func() {
		conn <- accept() // want `blocks forever sending on unbuffered channel conn`
	}()
	select {
	case c := <-conn:
		return c, nil
	case <-time.After(time.Second):
		return 0, errors.New("timed out")
	}
}

func TestDial(t *testing.T) {
	if _, err := dial(); err != nil {
		t.Fatal(err)
	}
	if _, err := dial(); err != nil {
		t.Log("second dial failed:", err)
	}
}

func accept() int { return 1 }

// connectNamed is connect with named results, which a deferred closure
// reads (return stores them, then loads them): fine too.
func connectNamed() (c int, err error) {
	defer func() {
		if err != nil {
			println("connect failed")
		}
	}()
	conn := make(chan int)
	go func() {
		conn <- accept()
	}()
	select {
	case c = <-conn:
		return c, nil
	case <-time.After(time.Second):
		return 0, errors.New("timed out")
	}
}

func TestConnectNamed(t *testing.T) {
	if _, err := connectNamed(); err != nil {
		t.Fatalf("connect: %v", err)
	}
}
