// Package driver is memlint's standalone driver: it analyses packages in
// dependency order, one package per process, with bounded parallelism, and
// caches each package's facts and findings on disk.
//
// It replaces x/tools' multichecker for `memlint [flags] patterns`.
// multichecker loads every package's syntax, types and SSA into one process
// and keeps them until the end (about 11 GiB on std); here each package is
// analysed by a child process running this same binary in unitchecker mode
// (the protocol of go vet -vettool: a JSON *.cfg naming the package's files
// and the fact files of its direct imports), so a package's syntax, types
// and SSA die with its process. At most GOMAXPROCS children run at once.
//
// Dependencies outside the patterns are analysed for facts only. Results
// are cached under os.UserCacheDir()/memlint (or $MEMLINT_CACHE; "off"
// disables it), keyed by a hash of the package's files, its dependencies'
// keys, the memlint binary and the pass flags. Unlike go vet's cache, a
// package analysed first as a dependency (facts only) is analysed again for
// findings when it later becomes a root.
package driver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/memlint/memlint/internal/analysisjson"
)

// Command is the whole command line of a memlint-shaped binary after its
// own subcommands: a standalone run (Main) when Standalone says so, and
// otherwise multichecker.Main, which answers -V=full, -flags and the *.cfg
// units of go vet -vettool (and of this driver's own children). It does
// not return.
func Command(analyzers ...*analysis.Analyzer) {
	if Standalone(os.Args[1:], analyzers) {
		os.Exit(Main(os.Args[1:], analyzers))
	}
	multichecker.Main(analyzers...)
}

// Standalone parses args (os.Args[1:]) and reports whether they describe a
// standalone run this driver handles, or a usage error it reports (Main
// prints it in one line). When it returns false the caller hands the
// command line to multichecker.Main, which answers help, -V=full, -flags
// and the *.cfg units of go vet -vettool (and of this driver's own child
// processes).
func Standalone(args []string, analyzers []*analysis.Analyzer) bool {
	// A child process of this driver only ever analyses *.cfg units.
	if os.Getenv("MEMLINT_DRIVER") == "multichecker" || os.Getenv(childEnv) != "" {
		return false
	}
	o := parseArgs(args, analyzers)
	if o.err != nil {
		// A go vet -vettool unit with a flag this driver does not know:
		// unitchecker answers as before.
		for _, a := range args {
			if strings.HasSuffix(a, ".cfg") {
				return false
			}
		}
		return true
	}
	return !o.delegate
}

// Main runs a standalone analysis of the packages named on the command line
// and returns the exit code: 0 clean, 3 findings (text output) or findings
// left unfixed (-fix, -diff), 1 errors, 2 usage errors.
//
// A run stopped by SIGINT or SIGTERM does not return: once its children
// are killed and its temporary files removed, memlint dies of the same
// signal, so a shell reports 130 or 143 (128 + the signal number) and a
// parent process sees the signal, as for a process that never caught it
// (staticcheck, and the go command on SIGTERM). Where the signal cannot
// kill it (not unix, or the signal was ignored when memlint started) it
// returns 128 + the signal number.
func Main(args []string, analyzers []*analysis.Analyzer) int {
	o := parseArgs(args, analyzers)
	if o.err != nil {
		fmt.Fprintf(os.Stderr, "memlint: %v\n", o.err)
		return exitUsage
	}
	d := &driver{opts: o, stderr: os.Stderr, stdout: os.Stdout}
	code := d.run()
	if sig := d.signal(); sig != nil {
		return dieOf(sig)
	}
	return code
}

// childEnv is set in the environment of the driver's child processes.
const childEnv = "MEMLINT_DRIVER_CHILD"

// maxJobs caps MEMLINT_JOBS: each child holds a package's syntax, types
// and SSA, and more children than cores only add memory.
const maxJobs = 64

type driver struct {
	opts           *options
	stdout, stderr io.Writer

	ctx    context.Context
	procs  procGroup
	env    *goEnv
	cwd    string
	self   string // path of this binary (the child processes run it)
	selfID string // its content hash
	cache  *cache
	tmp    string
	files  fileHasher
	flagID string // forwarded pass flags, for keys
	jobs   int

	mu     sync.Mutex
	errors []string  // load and type errors, in order
	sig    os.Signal // SIGINT or SIGTERM that stopped the run, if any
}

// notifyContext returns a context cancelled by the first SIGINT or
// SIGTERM, which it records for Main; stop stops catching them.
func (d *driver) notifyContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			d.mu.Lock()
			d.sig = sig
			d.mu.Unlock()
			cancel()
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}

// signal returns the signal that stopped the run, or nil.
func (d *driver) signal() os.Signal {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.sig
}

// unit is one package to analyse.
type unit struct {
	p          *listPackage
	root       bool
	deps       []*unit
	dependents []*unit
	pending    int

	key    string
	vetx   string // fact file, once done
	failed bool
	json   []byte // analysis JSON tree of a root

	reportAs string // ID to report a root's findings under, if not its own
	plain    *unit  // for a test variant that is a root: the package it reports for
}

func (d *driver) errorf(format string, args ...any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.errors = append(d.errors, fmt.Sprintf(format, args...))
}

// warnf prints one warning line on stderr at once.
func (d *driver) warnf(format string, args ...any) {
	d.mu.Lock()
	defer d.mu.Unlock()
	fmt.Fprintf(d.stderr, "memlint: "+format+"\n", args...)
}

// jobs returns the number of child processes to run at once:
// MEMLINT_JOBS, else GOMAXPROCS, at most maxJobs.
func jobs() (int, error) {
	s := os.Getenv("MEMLINT_JOBS")
	if s == "" {
		return min(runtime.GOMAXPROCS(0), maxJobs), nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("invalid MEMLINT_JOBS=%q: want a positive number of processes (at most %d are used)", s, maxJobs)
	}
	return min(n, maxJobs), nil
}

func (d *driver) run() int {
	var err error
	if d.jobs, err = jobs(); err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return exitUsage
	}
	// SIGINT and SIGTERM kill the child processes (each in its own
	// process group, with whatever it started) and remove the temporary
	// files before memlint exits.
	ctx, stop := d.notifyContext()
	defer stop()
	d.ctx = ctx
	defer d.procs.killAll()

	if d.env, err = readGoEnv(ctx); err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	if d.cwd, err = os.Getwd(); err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	if d.self == "" {
		if d.self, err = os.Executable(); err != nil {
			fmt.Fprintf(d.stderr, "memlint: %v\n", err)
			return 1
		}
	}
	if d.selfID, err = fileHash(d.self); err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	d.flagID = strings.Join(d.opts.passArgs, "\x00")
	removeStaleTemp()
	d.tmp, err = os.MkdirTemp("", fmt.Sprintf("memlint-%d-", os.Getpid()))
	if err != nil {
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	defer os.RemoveAll(d.tmp)
	d.cache = openCache(d.tmp, d.warnf)

	pkgs, err := d.goList()
	if err != nil {
		if ctx.Err() != nil {
			return d.interrupted()
		}
		fmt.Fprintf(d.stderr, "memlint: %v\n", err)
		return 1
	}
	units := d.plan(pkgs)
	d.schedule(units)
	units = d.analysePlainOfBrokenTests(units)
	if ctx.Err() != nil {
		return d.interrupted()
	}

	code := 0
	if len(d.errors) > 0 {
		code = 1
		seen := make(map[string]bool)
		for _, e := range d.errors {
			if !seen[e] {
				seen[e] = true
				fmt.Fprintln(d.stderr, e)
			}
		}
	}
	var roots []*unit
	for _, u := range units {
		if u.root && !u.failed {
			roots = append(roots, u)
		}
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].p.ImportPath < roots[j].p.ImportPath })
	var out int
	switch {
	case d.opts.fix || d.opts.diff:
		out = d.applyFixes(roots)
	case d.opts.sarif:
		out = d.printSARIF(roots)
	case d.opts.json:
		out = d.printJSON(roots)
	default:
		out = d.printText(roots)
	}
	// As with multichecker: errors win over findings.
	if code == 1 || out == 1 {
		return 1
	}
	return out
}

// removeStaleTemp removes the temporary directories of memlint runs that
// died without cleaning up (kill -9): $TMPDIR/memlint-PID-* of a PID that
// no longer runs.
func removeStaleTemp() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "memlint-*-*"))
	for _, dir := range dirs {
		pid, _, ok := strings.Cut(strings.TrimPrefix(filepath.Base(dir), "memlint-"), "-")
		if n, err := strconv.Atoi(pid); ok && err == nil && n > 0 && n != os.Getpid() && !processAlive(n) {
			os.RemoveAll(dir)
		}
	}
}

// interrupted reports a run stopped by SIGINT or SIGTERM: the children
// are killed (by the deferred killAll) and the temporary files removed.
func (d *driver) interrupted() int {
	fmt.Fprintln(d.stderr, "memlint: interrupted")
	return 1
}

// plan turns the go list output into units with their import edges and
// reports go list's own errors (missing packages, syntax errors in import
// declarations, build constraints excluding every file).
//
// As go vet does, it analyses only what the roots need: not the generated
// test mains nor the packages only they import (testing/internal/testdeps,
// internal/fuzz and the many test variants of their dependencies), and a
// package P whose test variant "P [P.test]" is also a root is analysed for
// facts only: the test variant holds all of P's files, so its findings
// include P's, and they are reported under P's ID.
func (d *driver) plan(pkgs []*listPackage) []*unit {
	byID := make(map[string]*unit)
	var all []*unit
	for _, p := range pkgs {
		// unsafe and C have no files to analyse, also as the variants
		// go list gives the dependencies of a main package with a
		// default.pgo profile ("unsafe [example.com/cmd/app]"), which
		// otherwise left that package unanalysed.
		if path, _, _ := strings.Cut(p.ImportPath, " "); path == "unsafe" || path == "C" || p.isTestMain() {
			continue
		}
		u := &unit{p: p, root: !p.DepOnly}
		byID[p.ImportPath] = u
		all = append(all, u)
	}
	for _, u := range all {
		if u.root && u.p.ForTest == "" {
			if tv := byID[u.p.ImportPath+" ["+u.p.ImportPath+".test]"]; tv != nil && tv.root {
				u.root = false
				tv.reportAs = u.p.ImportPath
				tv.plain = u
			}
		}
		for _, id := range u.p.Imports {
			if dep := byID[id]; dep != nil {
				u.deps = append(u.deps, dep)
			}
		}
	}
	// Keep the roots and what they import, in go list's order
	// (dependencies first).
	needed := make(map[*unit]bool)
	var mark func(u *unit)
	mark = func(u *unit) {
		if needed[u] {
			return
		}
		needed[u] = true
		for _, dep := range u.deps {
			mark(dep)
		}
	}
	for _, u := range all {
		if u.root {
			mark(u)
		}
	}
	var units []*unit
	for _, u := range all {
		if !needed[u] {
			continue
		}
		if p := u.p; p.Error != nil {
			u.failed = true
			msg := strings.TrimSpace(p.Error.Err)
			if p.Error.Pos != "" && !strings.HasPrefix(msg, p.Error.Pos) {
				msg = p.Error.Pos + ": " + msg
			} else if st := p.Error.ImportStack; p.Error.Pos == "" && len(st) > 0 && !strings.Contains(msg, "\n") {
				// As the go command prints an import cycle.
				msg = "package " + strings.Join(st, "\n\timports ") + ": " + msg
			}
			d.errorf("%s", msg)
		} else if len(p.CompiledGoFiles) == 0 {
			// A package of only test files, or of none for this
			// platform: nothing to analyse (go list reports a
			// package with no Go files at all as an error). A package
			// with Go files gets none to compile when a dependency
			// failed to build (cgo): name it, or it vanishes silently.
			u.failed = true
			if len(p.GoFiles) > 0 && !p.DepOnly && p.ForTest == "" {
				for _, dep := range u.deps {
					if dep.failed {
						d.errorf("memlint: %s: not analysed: it depends on %s, which could not be analysed", p.ImportPath, failedOrigin(dep).p.ImportPath)
						break
					}
				}
			}
		}
		for _, dep := range u.deps {
			dep.dependents = append(dep.dependents, u)
		}
		u.pending = len(u.deps)
		units = append(units, u)
	}
	return units
}

// analysePlainOfBrokenTests gives back the findings of a package whose
// test variant failed (a _test.go file that does not type-check, or a
// test-only dependency that failed): the package itself was analysed for
// facts only, since its test variant holds all its files, so it is
// analysed again, fully, and reported on its own. The test variant's error
// is still printed, and the exit status is still 1. It returns units
// with those packages added (a package no root imports was not planned).
func (d *driver) analysePlainOfBrokenTests(units []*unit) []*unit {
	planned := make(map[*unit]bool, len(units))
	for _, u := range units {
		planned[u] = true
	}
	var extra []*unit
	for _, u := range units {
		p := u.plain
		if p == nil || !u.failed || p.failed || d.ctx.Err() != nil {
			continue
		}
		p.root = true
		p.reportAs = ""
		d.analyse(p)
		if !planned[p] {
			extra = append(extra, p)
		}
	}
	return append(units, extra...)
}

// schedule analyses the units in dependency order with at most d.jobs
// child processes at a time. Units that can never become ready (an import
// cycle, or a dependency on one) fail with their error first.
func (d *driver) schedule(units []*unit) {
	d.cutCycles(units)
	// Every unit passes through ready exactly once: those without
	// pending dependencies now, the others (failed ones included: a
	// package with a go list error or only test files that imports
	// others) when their last dependency is done. Leaving the failed
	// ones out of the count closed ready early, and a later send
	// panicked (the corpus's kafkaexporter).
	live := units
	if len(live) == 0 {
		return
	}
	ready := make(chan *unit, len(live))
	for _, u := range live {
		if u.pending == 0 {
			ready <- u
		}
	}
	var (
		mu        sync.Mutex
		remaining = len(live)
		wg        sync.WaitGroup
	)
	done := func(u *unit) {
		mu.Lock()
		defer mu.Unlock()
		remaining--
		for _, r := range u.dependents {
			r.pending--
			if r.pending == 0 {
				ready <- r
			}
		}
		if remaining == 0 {
			close(ready)
		}
	}
	for range d.jobs {
		wg.Go(func() {
			for u := range ready {
				d.analyse(u)
				done(u)
			}
		})
	}
	wg.Wait()
}

// cutCycles finds the units that would never become ready (they are in an
// import cycle or depend on a unit in one), marks them failed, reports an
// error for those go list did not already report, and takes them out of
// the graph so the scheduler never waits for them.
func (d *driver) cutCycles(units []*unit) {
	pending := make(map[*unit]int, len(units))
	var queue []*unit
	for _, u := range units {
		pending[u] = u.pending
		if u.pending == 0 {
			queue = append(queue, u)
		}
	}
	reached := make(map[*unit]bool, len(units))
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		reached[u] = true
		for _, r := range u.dependents {
			pending[r]--
			if pending[r] == 0 {
				queue = append(queue, r)
			}
		}
	}
	stuck := make(map[*unit]bool)
	for _, u := range units {
		if !reached[u] {
			stuck[u] = true
		}
	}
	if len(stuck) == 0 {
		return
	}
	for _, u := range units {
		if !stuck[u] {
			continue
		}
		if !u.failed && u.p.Error == nil && inCycle(u, stuck) {
			d.errorf("memlint: %s: import cycle not allowed", u.p.ImportPath)
		}
		u.failed = true
		u.pending = 0
		var deps []*unit
		for _, dep := range u.deps {
			if !stuck[dep] {
				deps = append(deps, dep)
			}
		}
		u.deps = deps
	}
	// A unit outside the cycle never waits for a stuck one (stuck units
	// only have stuck dependents), and stuck units are not scheduled:
	// drop them from their dependencies' dependents.
	for _, u := range units {
		var ds []*unit
		for _, r := range u.dependents {
			if !stuck[r] {
				ds = append(ds, r)
			}
		}
		u.dependents = ds
	}
	for u := range stuck {
		u.failed = true
	}
}

// inCycle reports whether u reaches itself through stuck units.
func inCycle(u *unit, stuck map[*unit]bool) bool {
	seen := make(map[*unit]bool)
	var walk func(v *unit) bool
	walk = func(v *unit) bool {
		for _, dep := range v.deps {
			if dep == u {
				return true
			}
			if stuck[dep] && !seen[dep] {
				seen[dep] = true
				if walk(dep) {
					return true
				}
			}
		}
		return false
	}
	return walk(u)
}

// failedOrigin follows failed dependencies from u, a failed unit, to one
// whose own dependencies did not fail: the package whose error was
// printed.
func failedOrigin(u *unit) *unit {
	seen := map[*unit]bool{u: true}
	for {
		var next *unit
		for _, dep := range u.deps {
			if dep.failed && !seen[dep] {
				next = dep
				break
			}
		}
		if next == nil {
			return u
		}
		seen[next] = true
		u = next
	}
}

// analyse runs the passes on one package, or takes its results from the
// cache.
func (d *driver) analyse(u *unit) {
	if u.failed {
		return
	}
	if d.ctx.Err() != nil {
		u.failed = true
		return
	}
	for _, dep := range u.deps {
		if dep.failed {
			u.failed = true // its error was reported already
			if u.root && u.plain == nil && d.ctx.Err() == nil {
				// Name what the user asked for and does not get: a
				// package of theirs is skipped because of another
				// (a cgo dependency that does not build).
				d.errorf("memlint: %s: not analysed: it depends on %s, which could not be analysed", u.p.ImportPath, failedOrigin(dep).p.ImportPath)
			}
			return
		}
	}
	cfg := d.config(u)
	u.key = d.key(u, cfg)

	if vetx, js, ok := d.cache.lookup(u.key, u.p.ImportPath, u.root); ok {
		u.vetx, u.json = vetx, js
		return
	}

	out, err := d.exec(u, cfg, !u.root)
	if err != nil && !u.root && d.ctx.Err() == nil {
		// A facts-only run exits 1 without saying why; run again for
		// the message.
		out, err = d.exec(u, cfg, false)
		if err == nil {
			err = errors.New("internal error: the facts-only run failed but the full run did not")
		}
	}
	if err != nil {
		u.failed = true
		if d.ctx.Err() == nil {
			d.errorf("%s", d.describe(u, out, err))
		}
		return
	}
	if s := strings.TrimSpace(string(out.stderr)); s != "" {
		d.mu.Lock()
		fmt.Fprintln(d.stderr, s)
		d.mu.Unlock()
	}
	u.vetx = out.vetx
	u.json = out.json
}

// describe turns a failed child run into an error message: type and
// syntax errors as file:line:col: message, crashes without their stack.
func (d *driver) describe(u *unit, out *childOutput, err error) string {
	msg := strings.TrimSpace(string(out.stderr))
	if errors.Is(err, errIncomplete) {
		return fmt.Sprintf("memlint: analysing %s: %v (is the disk full?)", u.p.ImportPath, err)
	}
	if i := strings.Index(msg, "\ngoroutine "); i >= 0 || strings.HasPrefix(msg, "panic:") {
		// A crash outside the guarded passes (e.g. in the type checker
		// or SSA construction). Keep the panic message, drop the stack.
		if i >= 0 {
			msg = msg[:i]
		}
		return fmt.Sprintf("memlint: internal error: analysing %s crashed: %s\nplease report this at https://github.com/memlint/memlint/issues", u.p.ImportPath, strings.TrimSpace(msg))
	}
	if msg == "" {
		return fmt.Sprintf("memlint: analysing %s: %v", u.p.ImportPath, err)
	}
	return msg
}

// config builds the unitchecker configuration of u (without the output
// file names and fact files, which depend on the run).
func (d *driver) config(u *unit) *unitchecker.Config {
	p := u.p
	cfg := &unitchecker.Config{
		ID:           p.ImportPath,
		Compiler:     "gc",
		Dir:          p.Dir,
		ImportPath:   pkgPath(p.ImportPath),
		GoVersion:    d.goVersion(p),
		GoFiles:      p.abs(p.CompiledGoFiles),
		IgnoredFiles: p.abs(append(slices.Clip(p.IgnoredGoFiles), p.IgnoredOtherFiles...)),
		ImportMap:    make(map[string]string),
		PackageFile:  make(map[string]string),
		Standard:     make(map[string]bool),
		PackageVetx:  make(map[string]string),
	}
	for _, files := range [][]string{p.CFiles, p.CXXFiles, p.MFiles, p.HFiles, p.FFiles, p.SFiles, p.SwigFiles, p.SwigCXXFiles, p.SysoFiles} {
		cfg.NonGoFiles = append(cfg.NonGoFiles, p.abs(files)...)
	}
	if m := p.Module; m != nil && m.Error == nil {
		cfg.ModulePath, cfg.ModuleVersion = m.Path, m.Version
		cfg.Module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: cfg.GoVersion}
	}
	for _, id := range p.Imports {
		if id == "C" {
			continue
		}
		path := pkgPath(id)
		cfg.ImportMap[path] = path
	}
	for raw, id := range p.ImportMap {
		cfg.ImportMap[raw] = pkgPath(id)
	}
	for _, dep := range u.deps {
		path := pkgPath(dep.p.ImportPath)
		if dep.p.Standard {
			cfg.Standard[path] = true
		}
	}
	return cfg
}

// goVersion is the language version of p, as go vet computes it.
func (d *driver) goVersion(p *listPackage) string {
	if p.Module != nil {
		v := p.Module.GoVersion
		if v == "" {
			v = "1.16"
		}
		return "go" + v
	}
	v := d.env.GOVERSION // "go1.26.8", maybe with a suffix
	if i := strings.IndexFunc(strings.TrimPrefix(v, "go"), func(r rune) bool { return r != '.' && (r < '0' || r > '9') }); i >= 0 {
		v = v[:i+2]
	}
	return v
}

// key is the cache key of u: everything the analysis of u depends on.
func (d *driver) key(u *unit, cfg *unitchecker.Config) string {
	h := sha256.New()
	fmt.Fprintf(h, "memlint driver 2\nbinary %s\nflags %q\nbuild %q\n", d.selfID, d.flagID, d.opts.buildFlags)
	fmt.Fprintf(h, "env %s %s %s %s %q\n", d.env.GOVERSION, d.env.GOOS, d.env.GOARCH, d.env.CGO_ENABLED, os.Getenv("GOARCH"))
	js, _ := json.Marshal(cfg) // no output or fact file names yet
	h.Write(js)
	for _, f := range cfg.GoFiles {
		fmt.Fprintf(h, "\ngo %s %s", f, d.files.hash(f))
	}
	for _, f := range cfg.NonGoFiles {
		fmt.Fprintf(h, "\nother %s %s", f, d.files.hash(f))
	}
	for _, dep := range u.deps {
		fmt.Fprintf(h, "\ndep %s %s", dep.p.ImportPath, dep.key)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type childOutput struct {
	stderr []byte
	vetx   string
	json   []byte
}

var tmpSeq struct {
	sync.Mutex
	n int
}

func (d *driver) tmpName(key, kind string) string {
	tmpSeq.Lock()
	tmpSeq.n++
	n := tmpSeq.n
	tmpSeq.Unlock()
	return filepath.Join(d.tmp, fmt.Sprintf("%s-%s-%d", key[:16], kind, n))
}

// errIncomplete marks a child's output that is missing or cut short
// (unitchecker ignores errors writing its -json output and exits 0).
var errIncomplete = errors.New("incomplete analysis output")

// exec runs this binary on u in unitchecker mode, checks that its output
// is complete, and stores it in the cache.
func (d *driver) exec(u *unit, base *unitchecker.Config, vetxOnly bool) (*childOutput, error) {
	cfg := *base
	cfg.PackageVetx = make(map[string]string)
	for _, dep := range u.deps {
		cfg.PackageVetx[pkgPath(dep.p.ImportPath)] = dep.vetx
	}
	cfg.VetxOnly = vetxOnly
	cfg.VetxOutput = d.tmpName(u.key, "vetx")
	if !vetxOnly {
		cfg.Stdout = d.tmpName(u.key, "json")
		defer os.Remove(cfg.Stdout)
	}
	defer os.Remove(cfg.VetxOutput)
	js, err := json.Marshal(&cfg)
	if err != nil {
		return &childOutput{}, err
	}
	cfgFile := d.tmpName(u.key, "unit") + ".cfg"
	if err := os.WriteFile(cfgFile, js, 0o666); err != nil {
		return &childOutput{}, err
	}
	defer os.Remove(cfgFile)

	args := append(slices.Clip(d.opts.passArgs), "-json", cfgFile)
	cmd := exec.Command(d.self, args...)
	cmd.Dir = u.p.Dir
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = d.procs.run(d.ctx, cmd)
	out := &childOutput{stderr: stderr.Bytes()}
	if err != nil {
		return out, err
	}
	if st, err := os.Stat(cfg.VetxOutput); err != nil || st.Size() == 0 {
		return out, fmt.Errorf("%w: no facts file", errIncomplete)
	}
	if !vetxOnly {
		data, err := os.ReadFile(cfg.Stdout)
		if err != nil {
			return out, fmt.Errorf("%w: %v", errIncomplete, err)
		}
		if err := checkTree(data); err != nil {
			return out, fmt.Errorf("%w: %v", errIncomplete, err)
		}
		out.json = data
	}
	// A file edited while the child ran: the results are not those of
	// the key's content, so they are used for this run (where -fix
	// refuses the changed file) but not cached.
	persist := true
	for _, f := range slices.Concat(cfg.GoFiles, cfg.NonGoFiles) {
		if h, err := fileHash(f); err != nil || h != d.files.hash(f) {
			persist = false
		}
	}
	out.vetx, err = d.cache.store(u.key, cfg.VetxOutput, out.json, persist)
	if err != nil {
		return out, err
	}
	return out, nil
}

// checkTree reports whether data is a whole analysis JSON tree.
func checkTree(data []byte) error {
	var tree analysisjson.Tree
	if err := json.Unmarshal(data, &tree); err != nil {
		return err
	}
	if tree == nil {
		return errors.New("null tree")
	}
	for _, passes := range tree {
		for pass, raw := range passes {
			var diags []analysisjson.Diagnostic
			var e analysisjson.Error
			if json.Unmarshal(raw, &diags) != nil && (json.Unmarshal(raw, &e) != nil || e.Err == "") {
				return fmt.Errorf("bad result of pass %s", pass)
			}
		}
	}
	return nil
}
