package onceper

import (
	"errors"
	"os/exec"
)

// Command is a command-line command, as a CLI framework or a program's
// own dispatcher declares it (cobra's RunE, urfave/cli's Action, caddy's
// Func): the process runs one command and exits with its result.
type Command struct {
	Name string
	Func func(args []string) (int, error)
	RunE func(args []string) error
}

// Route has a func field too, but it is no command: a handler runs once
// per request.
type Route struct {
	Path    string
	Handler func(args []string) (int, error)
}

var commands = []Command{
	{Name: "start", Func: cmdStart},
	{Name: "up", RunE: func(args []string) error {
		// fine: a command's action, the literal form (cobra's usual one).
		exit := make(chan error)
		go func() {
			exit <- exec.Command("child").Wait()
		}()
		select {
		case err := <-exit:
			return err
		case <-ready():
			return nil
		}
	}},
	{Name: "twice", Func: cmdTwice},
}

var routes = []Route{
	{Path: "/start", Handler: handleStart},
}

func ready() chan struct{} { return make(chan struct{}) }

// cmdStart is fine: it is only a command's action, so the goroutine left
// blocked when the child started is one goroutine until the process exits
// right after (caddy's cmdStart).
func cmdStart(args []string) (int, error) {
	exit := make(chan error)
	go func() {
		exit <- exec.Command("child", args...).Wait()
	}()
	select {
	case err := <-exit:
		return 1, err
	case <-ready():
	}
	return 0, nil
}

// cmdTwice is an action but is also called in a loop: reported.
func cmdTwice(args []string) (int, error) {
	exit := make(chan error)
	go func() {
		exit <- exec.Command("child", args...).Wait() // want `the goroutine blocks forever sending on unbuffered channel exit when cmdTwice returns`
	}()
	select {
	case err := <-exit:
		return 1, err
	case <-ready():
	}
	return 0, nil
}

func retry() error {
	for range 3 {
		if code, _ := cmdTwice(nil); code == 0 {
			return nil
		}
	}
	return errors.New("failed")
}

// handleStart is stored in a Route, not a Command: it runs per request.
func handleStart(args []string) (int, error) {
	exit := make(chan error)
	go func() {
		exit <- exec.Command("child", args...).Wait() // want `the goroutine blocks forever sending on unbuffered channel exit when handleStart returns`
	}()
	select {
	case err := <-exit:
		return 1, err
	case <-ready():
	}
	return 0, nil
}

// wrap adapts a command function to RunE (caddy's
// WrapCommandFuncForCobra).
func wrap(f func(args []string) (int, error)) func(args []string) error {
	return func(args []string) error {
		_, err := f(args)
		return err
	}
}

func register(c *Command) {
	c.RunE = wrap(cmdWrapped)
}

// cmdWrapped is fine: a command's action through a wrapper assigned to
// the command's field (caddy: cmd.RunE = WrapCommandFuncForCobra(cmdStart)).
func cmdWrapped(args []string) (int, error) {
	exit := make(chan error)
	go func() {
		exit <- exec.Command("child", args...).Wait()
	}()
	select {
	case err := <-exit:
		return 1, err
	case <-ready():
	}
	return 0, nil
}

func registerRoute(r *Route) {
	r.Handler = func(args []string) (int, error) { return handleWrapped(args) }
}

// handleWrapped is assigned, through a literal, to a Route's field: it
// runs per request.
func handleWrapped(args []string) (int, error) {
	exit := make(chan error)
	go func() {
		exit <- exec.Command("child", args...).Wait() // want `the goroutine blocks forever sending on unbuffered channel exit when handleWrapped returns`
	}()
	select {
	case err := <-exit:
		return 1, err
	case <-ready():
	}
	return 0, nil
}
