package driver

import (
	"context"
	"os"
	"os/exec"
	"sync"
)

// procGroup runs the driver's child processes (go list, the per-package
// units) so that none outlives the driver: each child is started in a
// process group of its own (with whatever it starts, such as cgo and the C
// compiler under go list), the group is killed when the run's context is
// cancelled (SIGINT, SIGTERM), and killAll kills what is left when the
// driver returns. On Linux a child also gets SIGKILL if the driver dies
// without cleaning up (kill -9).
type procGroup struct {
	mu    sync.Mutex
	procs map[*os.Process]bool
	done  bool
}

// run starts cmd and waits for it, killing its process group if ctx is
// cancelled first.
func (g *procGroup) run(ctx context.Context, cmd *exec.Cmd) error {
	setProcAttr(cmd)
	g.mu.Lock()
	if g.done || ctx.Err() != nil {
		g.mu.Unlock()
		return context.Canceled
	}
	if err := cmd.Start(); err != nil {
		g.mu.Unlock()
		return err
	}
	if g.procs == nil {
		g.procs = make(map[*os.Process]bool)
	}
	p := cmd.Process
	g.procs[p] = true
	g.mu.Unlock()

	stop := context.AfterFunc(ctx, func() { killGroup(p) })
	err := cmd.Wait()
	stop()
	g.mu.Lock()
	delete(g.procs, p)
	g.mu.Unlock()
	if ctx.Err() != nil {
		return context.Canceled
	}
	return err
}

// killAll kills every child still running and starts no more.
func (g *procGroup) killAll() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.done = true
	for p := range g.procs {
		killGroup(p)
	}
}
