package driver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
)

// listPackage is the part of `go list -json` output the driver uses.
type listPackage struct {
	ImportPath      string // the package ID: "fmt", "fmt [fmt.test]"
	Name            string
	Dir             string
	ForTest         string
	DepOnly         bool
	Standard        bool
	GoFiles         []string          // the package's own Go files (without cgo's output)
	CompiledGoFiles []string          // what the compiler sees (cgo's output instead of files that import "C")
	Imports         []string          // package IDs of direct imports
	ImportMap       map[string]string // import path in source -> package ID, where they differ

	CFiles, CXXFiles, MFiles, HFiles, FFiles, SFiles, SwigFiles, SwigCXXFiles, SysoFiles []string
	IgnoredGoFiles, IgnoredOtherFiles                                                    []string

	Module *struct {
		Path, Version, GoVersion string
		Error                    *struct{ Err string }
	}
	Error *struct {
		ImportStack []string
		Pos         string
		Err         string
	}
}

// listFields are the fields requested from go list (-json=...), which keeps
// its output small.
var listFields = []string{
	"ImportPath", "Name", "Dir", "ForTest", "DepOnly", "Standard",
	"GoFiles", "CompiledGoFiles", "Imports", "ImportMap",
	"CFiles", "CXXFiles", "MFiles", "HFiles", "FFiles", "SFiles", "SwigFiles", "SwigCXXFiles", "SysoFiles",
	"IgnoredGoFiles", "IgnoredOtherFiles", "Module", "Error",
}

// goEnv holds the go command's environment facts the driver needs.
type goEnv struct {
	GOVERSION, GOOS, GOARCH, CGO_ENABLED, GOFLAGS string
}

func readGoEnv(ctx context.Context) (*goEnv, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "-json", "GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS").Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v%s", err, stderrOf(err))
	}
	var e goEnv
	if err := json.Unmarshal(out, &e); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return &e, nil
}

// goList runs go list on the patterns, with the build flags of the
// command line, and returns the packages and all their dependencies,
// dependencies first.
func (d *driver) goList() ([]*listPackage, error) {
	args := []string{"list", "-e", "-deps", "-compiled", "-json=" + strings.Join(listFields, ",")}
	if d.opts.tests {
		args = append(args, "-test")
	}
	args = append(args, d.opts.buildFlags...)
	args = append(args, "--")
	args = append(args, d.opts.patterns...)
	cmd := exec.Command("go", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := d.procs.run(d.ctx, cmd)
	out := stdout.Bytes()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	// go list -e may still print warnings (e.g. "matched no packages").
	if s := strings.TrimSpace(stderr.String()); s != "" {
		fmt.Fprintln(d.stderr, s)
	}
	var pkgs []*listPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		p := new(listPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decoding go list output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// path returns the package path of an ID: "fmt [fmt.test]" -> "fmt".
func pkgPath(id string) string {
	if i := strings.IndexByte(id, ' '); i >= 0 {
		return id[:i]
	}
	return id
}

func (p *listPackage) abs(names []string) []string {
	var out []string
	for _, n := range names {
		if !filepath.IsAbs(n) {
			n = filepath.Join(p.Dir, n)
		}
		out = append(out, n)
	}
	return out
}

// isTestMain reports whether p is the generated main package of a test
// binary ("fmt.test"), which holds no user code.
func (p *listPackage) isTestMain() bool {
	return p.Name == "main" && p.ForTest == "" && strings.HasSuffix(p.ImportPath, ".test")
}

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) && len(ee.Stderr) > 0 {
		return ": " + strings.TrimSpace(string(ee.Stderr))
	}
	return ""
}
