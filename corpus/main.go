// Command corpus measures memlint on public Go services: it downloads each
// module pinned in corpus/modules.txt through the Go module proxy, runs
// memlint on a writable copy, and compares the findings with the reviewed
// labels in corpus/labels/<pass>.tsv.
//
// Run it from the repository root:
//
//	go run ./corpus [-modules SUBSTR,...] [-passes NAME,...] [-accept] [-j N] [-flags "-querylimit.strict ..."]
//
// A finding at a line labelled "flag" is a true positive, at a line
// labelled "ok" a false positive; a finding at an unlabelled line "needs a
// verdict", and a "flag" line without a finding is a false negative. The
// command prints precision and recall per pass and per module, and exits 1
// when a finding has no verdict, when memlint crashed (a panic or an
// internal error) on any module, or when a module could not be analysed
// (not downloaded, or none of its packages loads: go list -e), or when
// some of its packages did not load or type-check and modules.txt does
// not mark it partial; -accept prints label lines for the unlabelled findings, to be reviewed
// and pasted into the labels.
//
// modules.txt: one module a line, "module@version<TAB>domain[<TAB>
// [toolchain=GO] [tags=T,U] [stub=MODULE] [dep=MODULE=DIR] [unavailable] [partial] pattern ...]"; the patterns (default ./...)
// narrow a large module to the packages that matter; tags= names the build
// tags of the module's production build (passed in GOFLAGS); stub= names a
// module no proxy serves, replaced through -modfile by the type-checking
// stub of that path under corpus/stubs. toolchain=go1.27.3 marks a module
// whose go.mod asks for a newer Go than the running one: it is downloaded
// with GOTOOLCHAIN=go1.27.3 and analysed by a memlint built from this
// checkout with that Go (go/types refuses a newer standard library), also
// when -memlint names another binary. "unavailable" marks a module that
// cannot be analysed here (the proxy refuses it, or its packages do not
// build from what it serves): its labels are listed as not scored and the
// run does not fail on it; once it can be analysed, it is scored and the
// report says to remove the mark. "partial" marks a module some of whose
// packages (or test variants) never load or type-check here, for the
// reason the comment above it gives (a dependency the proxy refuses):
// their errors are listed and the run does not fail on them, while load
// or type-check errors in any other module fail it, since the packages
// they cost were not analysed and their labels count as misses (a
// missing system library for a cgo dependency, say); a partial module
// that loads whole is named for its mark to go. A version from before modules, which the
// proxy serves without a go.mod, is given one (module PATH, go 1.16), and
// -mod=mod adds its requirements. The labels: "module@version<TAB>path/in/module.go:LINE<TAB>
// flag|ok<TAB>reason", one file per pass. A module named only in the labels
// is analysed too (with ./...), and so is the package of every labelled
// file that a module's patterns leave out.
//
// Downloads, copies and each module's results (per memlint binary, so a
// rebuilt memlint analyses again) are cached under -cache (default:
// memlint-corpus in the user cache directory); -rerun ignores cached
// results. -flags gives memlint flags for every module (a pass's strict
// reading, say); those results are kept apart from the same binary's
// without them. memlint's own cache is kept per binary too, and those of
// binaries other than the current one and the two used last are removed
// when a run starts (a whole run writes gigabytes). The corpus test (TestCorpus) runs the same
// with MEMLINT_CORPUS=1.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/fsutil"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	modules, passes []string
	accept, rerun   bool
	cache           string
	timeout         time.Duration
	jobs            int
	root            string // the memlint repository
	memlint         string // a prebuilt memlint binary, or "" to build one
	// flags are memlint flags given for every module (-flags
	// "-querylimit.strict"); their results and memlint cache are kept
	// apart from those of the same binary without them.
	flags []string
}

// Main runs the corpus and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	mods := fs.String("modules", "", "comma-separated substrings: analyse only modules whose module@version contains one")
	passes := fs.String("passes", "", "comma-separated pass names: score only these passes (default all)")
	fs.BoolVar(&o.accept, "accept", false, "print label lines for findings without a verdict (review them before committing)")
	fs.BoolVar(&o.rerun, "rerun", false, "analyse again modules whose results this memlint binary already has in the cache")
	fs.StringVar(&o.cache, "cache", "", "directory for module copies and memlint's cache (default memlint-corpus in the user cache directory)")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "time limit for memlint on one module")
	fs.IntVar(&o.jobs, "j", 1, "modules analysed at once")
	fs.StringVar(&o.memlint, "memlint", "", "a memlint binary to use instead of building ./cmd/memlint")
	flags := fs.String("flags", "", "space-separated memlint flags for every module (\"-querylimit.strict\"); results are kept apart from runs without them")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	o.modules = splitList(*mods)
	o.passes = splitList(*passes)
	o.flags = strings.Fields(*flags)
	for _, f := range o.flags {
		if !strings.HasPrefix(f, "-") {
			fmt.Fprintf(stderr, "corpus: -flags: %q is not a flag\n", f)
			return 2
		}
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	o.root = root
	if o.cache == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			fmt.Fprintf(stderr, "corpus: %v (set -cache)\n", err)
			return 1
		}
		o.cache = filepath.Join(dir, "memlint-corpus")
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	rep, err := run(o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "corpus: %v\n", err)
		return 1
	}
	rep.print(stdout, o)
	if rep.failed() {
		return 1
	}
	return 0
}

func splitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// repoRoot is the directory of the memlint module's go.mod.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run from the memlint repository")
	}
	root := filepath.Dir(gomod)
	if _, err := os.Stat(filepath.Join(root, "corpus", "modules.txt")); err != nil {
		return "", errors.New("run from the memlint repository (no corpus/modules.txt)")
	}
	return root, nil
}

// module is one pinned module of the corpus.
type module struct {
	path     string // module@version
	domain   string
	patterns []string
	// toolchain is the GOTOOLCHAIN a module needs when its go.mod asks for
	// a newer Go than the one running ("toolchain=go1.27.3" before the
	// patterns): it is downloaded, and memlint built, with that Go.
	toolchain string
	// tags are the build tags the module's production build uses
	// ("tags=google" before the patterns: exposure-notifications-server
	// keeps its Cloud Storage backend behind one), passed to memlint in
	// GOFLAGS.
	tags string
	// stubs are modules the module needs that no proxy serves
	// ("stub=code.as/core/socks" before the patterns: writefreely's
	// go-writeas imports it from a host that does not answer): each is
	// replaced, in a copy of go.mod given with -modfile, by the stub of the
	// same path under corpus/stubs, which only type-checks.
	stubs []string
	// deps are modules the module needs that no proxy serves but whose
	// source a git snapshot gives ("dep=github.com/openimsdk/tools=_deps/tools"
	// before the patterns): each is replaced, in the same -modfile copy,
	// by that directory of the module's tree, which the scripts in
	// corpus/restore extract from a mirror (nothing fetched is committed).
	deps []string
	// unavailable marks a module the proxy refuses or whose packages
	// cannot be built from what it serves ("unavailable" before the
	// patterns; the line above it in modules.txt says why): when it cannot
	// be analysed, its labels are listed as unscored and the run does not
	// fail; when it can, it is scored, and the report says to remove the
	// mark.
	unavailable bool
	// partial marks a module some of whose packages never load or
	// type-check here ("partial" before the patterns; the line above it
	// says which and why): their errors are listed, and the run does not
	// fail on them. Load errors in a module without the mark fail it.
	partial bool
}

// label is one reviewed line.
type label struct {
	mod, file string
	line      int
	flag      bool
	reason    string
	pass      string
	src       string // labels file:line, for errors
}

func (l label) key() string {
	return l.mod + "\x00" + l.pass + "\x00" + l.file + ":" + strconv.Itoa(l.line)
}

func readModules(path string) ([]module, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var mods []module
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.Contains(f[0], "@") {
			return nil, fmt.Errorf("%s:%d: want module@version<TAB>domain[<TAB>patterns]", path, i+1)
		}
		m := module{path: f[0], domain: f[1], patterns: []string{"./..."}}
		if len(f) > 2 && strings.TrimSpace(f[2]) != "" {
			m.patterns = strings.Fields(f[2])
			for len(m.patterns) > 0 {
				if t, ok := strings.CutPrefix(m.patterns[0], "toolchain="); ok {
					m.toolchain = t
				} else if t, ok := strings.CutPrefix(m.patterns[0], "tags="); ok {
					m.tags = t
				} else if t, ok := strings.CutPrefix(m.patterns[0], "stub="); ok {
					m.stubs = append(m.stubs, t)
				} else if t, ok := strings.CutPrefix(m.patterns[0], "dep="); ok {
					if mod, dir, ok := strings.Cut(t, "="); !ok || mod == "" || dir == "" || filepath.IsAbs(dir) || strings.HasPrefix(filepath.Clean(dir), "..") {
						return nil, fmt.Errorf("%s:%d: want dep=MODULE=DIR, DIR inside the module's tree", path, i+1)
					}
					m.deps = append(m.deps, t)
				} else if m.patterns[0] == "unavailable" {
					m.unavailable = true
				} else if m.patterns[0] == "partial" {
					m.partial = true
				} else {
					break
				}
				m.patterns = m.patterns[1:]
			}
			if len(m.patterns) == 0 {
				m.patterns = []string{"./..."}
			}
		}
		mods = append(mods, m)
	}
	return mods, nil
}

// readLabels reads every labels/<pass>.tsv.
func readLabels(dir string) ([]label, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	var out []label
	seen := make(map[string]string)
	for _, file := range files {
		pass := strings.TrimSuffix(filepath.Base(file), ".tsv")
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			src := fmt.Sprintf("%s:%d", filepath.Base(file), i+1)
			f := strings.SplitN(line, "\t", 4)
			if len(f) < 4 || !strings.Contains(f[0], "@") {
				return nil, fmt.Errorf("%s: want module@version<TAB>file:LINE<TAB>flag|ok<TAB>reason", src)
			}
			j := strings.LastIndexByte(f[1], ':')
			n, err := strconv.Atoi(f[1][j+1:])
			if j < 0 || err != nil {
				return nil, fmt.Errorf("%s: bad position %q", src, f[1])
			}
			if f[2] != "flag" && f[2] != "ok" {
				return nil, fmt.Errorf("%s: verdict %q is neither flag nor ok", src, f[2])
			}
			l := label{mod: f[0], file: f[1][:j], line: n, flag: f[2] == "flag", reason: f[3], pass: pass, src: src}
			if prev, ok := seen[l.key()]; ok {
				return nil, fmt.Errorf("%s: %s labelled again (first at %s)", src, f[1], prev)
			}
			seen[l.key()] = src
			out = append(out, l)
		}
	}
	return out, nil
}

// finding is one memlint diagnostic, with its position relative to the
// module root.
type finding struct {
	mod, pass, file string
	line            int
	message         string
}

func (f finding) key() string {
	return f.mod + "\x00" + f.pass + "\x00" + f.file + ":" + strconv.Itoa(f.line)
}

// outcome is what memlint did on one module.
type outcome struct {
	mod      module
	findings []finding
	crashes  []string // panics and internal errors
	skipped  []string // packages that did not load or type-check
	err      error    // the module could not be analysed at all
	// unavailable is err for a module modules.txt marks unavailable: its
	// labels are not scored, and the run does not fail.
	unavailable error
	elapsed     time.Duration
	cached      bool // from the results cache
}

func run(o options, stderr io.Writer) (*report, error) {
	mods, err := readModules(filepath.Join(o.root, "corpus", "modules.txt"))
	if err != nil {
		return nil, err
	}
	labels, err := readLabels(filepath.Join(o.root, "corpus", "labels"))
	if err != nil {
		return nil, err
	}
	// The union: modules named only by labels are analysed whole.
	known := make(map[string]bool)
	for _, m := range mods {
		known[m.path] = true
	}
	var extra []string
	for _, l := range labels {
		if !known[l.mod] {
			known[l.mod] = true
			extra = append(extra, l.mod)
		}
	}
	sort.Strings(extra)
	for _, p := range extra {
		mods = append(mods, module{path: p, domain: "labels only", patterns: []string{"./..."}})
	}
	coverLabels(mods, labels)
	if len(o.modules) > 0 {
		var sel []module
		for _, m := range mods {
			for _, s := range o.modules {
				if strings.Contains(m.path, s) {
					sel = append(sel, m)
					break
				}
			}
		}
		mods = sel
	}
	if len(mods) == 0 {
		return nil, errors.New("no module selected")
	}
	if err := os.MkdirAll(o.cache, 0o755); err != nil {
		return nil, err
	}
	// The binaries this run builds are its own: another run going on
	// meanwhile (a helper's, from another checkout) would otherwise
	// replace one under it, and its modules would be analysed by that
	// checkout's build.
	binDir, err := os.MkdirTemp(o.cache, "bin-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(binDir)
	bin := o.memlint
	if bin == "" {
		bin = filepath.Join(binDir, "memlint")
		if err := buildMemlint(o.root, bin, "", stderr); err != nil {
			return nil, err
		}
	}
	binID, err := hashFile(bin)
	if err != nil {
		return nil, err
	}
	binID = flagsID(binID, o.flags)
	// A module that needs a newer Go is analysed by a memlint built with
	// that Go (go/types refuses a standard library newer than itself),
	// from this checkout, also when -memlint names another binary.
	type built struct{ bin, id string }
	toolchains := map[string]built{}
	for _, m := range mods {
		t := m.toolchain
		if t == "" || toolchains[t].bin != "" {
			continue
		}
		tbin := filepath.Join(binDir, "memlint-"+t)
		if err := buildMemlint(o.root, tbin, t, stderr); err != nil {
			return nil, err
		}
		id, err := hashFile(tbin)
		if err != nil {
			return nil, err
		}
		toolchains[t] = built{tbin, flagsID(id, o.flags)}
	}
	// Each binary has its own memlint cache (its entries are worthless to
	// another build); those of older binaries are removed, so a day of
	// rebuilt binaries does not fill the disk (one corpus run writes
	// gigabytes). The two most recently used others are kept, for a
	// second run going on with another binary.
	current := map[string]bool{binID: true}
	for _, b := range toolchains {
		current[b.id] = true
	}
	cacheDir := filepath.Join(o.cache, "memlint-cache")
	release, err := markInUse(cacheDir, current)
	if err != nil {
		return nil, err
	}
	defer release()
	if err := pruneCaches(cacheDir, current, 2); err != nil {
		return nil, err
	}
	outs := make([]*outcome, len(mods))
	var wg sync.WaitGroup
	sem := make(chan struct{}, o.jobs)
	var mu sync.Mutex
	for i, m := range mods {
		wg.Add(1)
		sem <- struct{}{} // in modules.txt order
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			bin, binID := bin, binID
			if b, ok := toolchains[m.toolchain]; ok {
				bin, binID = b.bin, b.id
			}
			out := analyse(o, bin, binID, m)
			out.markUnavailable()
			outs[i] = out
			mu.Lock()
			status := fmt.Sprintf("%d findings", len(out.findings))
			switch {
			case out.err != nil:
				status = "error: " + out.err.Error()
			case out.unavailable != nil:
				status = "unavailable, as modules.txt says: " + out.unavailable.Error()
			}
			if out.cached {
				status += ", cached"
			}
			fmt.Fprintf(stderr, "corpus: %s: %s (%s)\n", m.path, status, out.elapsed.Round(time.Second))
			mu.Unlock()
		}()
	}
	wg.Wait()
	return score(o, mods, outs, labels), nil
}

// markUnavailable moves the error of a module modules.txt marks
// unavailable to out.unavailable. What the mark says may hold in part:
// packages that do not type-check are not analysed, and their labels say
// nothing, so load or type-check errors make it unavailable too.
func (out *outcome) markUnavailable() {
	if !out.mod.unavailable {
		return
	}
	if lost := out.lost(); out.err == nil && len(lost) > 0 {
		out.err = fmt.Errorf("%d lines of load or type-check errors, e.g. %s", len(lost), lost[0])
	}
	if out.err != nil {
		out.unavailable, out.err = out.err, nil
	}
}

// buildMemlint builds ./cmd/memlint of the repository at root into out,
// with the Go toolchain named (GOTOOLCHAIN) or the running one ("").
func buildMemlint(root, out, toolchain string, stderr io.Writer) error {
	build := exec.Command("go", "build", "-o", out, "./cmd/memlint")
	build.Dir = root
	build.Stderr = stderr
	if toolchain != "" {
		build.Env = append(os.Environ(), "GOTOOLCHAIN="+toolchain)
	}
	if err := build.Run(); err != nil {
		if toolchain != "" {
			return fmt.Errorf("building memlint with %s: %v", toolchain, err)
		}
		return fmt.Errorf("building memlint: %v", err)
	}
	return nil
}

// coverLabels adds to each module's patterns the directory of every
// labelled file they leave out, so that every label can be met: a label
// in a package the patterns narrow away would otherwise count as a miss
// (or an unmet false positive) that memlint never had the chance to
// judge.
func coverLabels(mods []module, labels []label) {
	idx := make(map[string]int, len(mods))
	for i, m := range mods {
		idx[m.path] = i
	}
	for _, l := range labels {
		i, ok := idx[l.mod]
		if !ok {
			continue
		}
		dir := pathpkg.Dir(filepath.ToSlash(l.file))
		if covers(mods[i].patterns, dir) {
			continue
		}
		pat := "./" + dir
		if dir == "." {
			pat = "."
		}
		mods[i].patterns = append(mods[i].patterns, pat)
	}
}

// covers reports whether one of the package patterns (./..., ./dir/...,
// ./dir or .) matches the package in dir, a slash-separated path relative
// to the module root ("." for the root).
func covers(patterns []string, dir string) bool {
	for _, p := range patterns {
		if p == "." || p == "./" {
			p = ""
		}
		p = strings.TrimSuffix(strings.TrimPrefix(p, "./"), "/")
		if rest, ok := strings.CutSuffix(p, "..."); ok {
			rest = strings.TrimSuffix(rest, "/")
			if rest == "" || dir == rest || strings.HasPrefix(dir, rest+"/") {
				return true
			}
			continue
		}
		if p == "" {
			p = "."
		}
		if dir == p {
			return true
		}
	}
	return false
}

// saved is an outcome as stored in the results cache.
type saved struct {
	Findings []savedFinding
	Crashes  []string
	Skipped  []string
	Err      string
	Elapsed  time.Duration
}

type savedFinding struct {
	Pass, File, Message string
	Line                int
}

// analyse returns memlint's outcome on one module: from the results cache
// when this memlint binary already analysed the same packages of it.
func analyse(o options, bin, binID string, m module) *outcome {
	file := filepath.Join(o.cache, "results", binID, strings.ReplaceAll(m.path, "/", "+")+"."+hashString(m.tags+strings.Join(m.patterns, " "))+".json")
	if data, err := os.ReadFile(file); err == nil && !o.rerun {
		var sv saved
		if json.Unmarshal(data, &sv) == nil {
			out := &outcome{mod: m, crashes: sv.Crashes, skipped: sv.Skipped, elapsed: sv.Elapsed, cached: true}
			if sv.Err != "" {
				out.err = errors.New(sv.Err)
			}
			for _, f := range sv.Findings {
				out.findings = append(out.findings, finding{mod: m.path, pass: f.Pass, file: f.File, line: f.Line, message: f.Message})
			}
			return out
		}
	}
	out := analyseNow(o, bin, binID, m)
	if out.err != nil {
		return out // a failure (network, a killed run) is analysed again next time
	}
	sv := saved{Crashes: out.crashes, Skipped: out.skipped, Elapsed: out.elapsed}
	if out.err != nil {
		sv.Err = out.err.Error()
	}
	for _, f := range out.findings {
		sv.Findings = append(sv.Findings, savedFinding{Pass: f.pass, File: f.file, Line: f.line, Message: f.message})
	}
	if data, err := json.MarshalIndent(sv, "", "\t"); err == nil {
		os.MkdirAll(filepath.Dir(file), 0o755)
		os.WriteFile(file, data, 0o644)
	}
	return out
}

// noneLoads reports whether no package matched by patterns loads without
// an error of its own or of its dependencies (go list -e).
func noneLoads(ctx context.Context, env []string, dir string, patterns []string) bool {
	args := append([]string{"list", "-e", "-f", "{{if or .Error .DepsErrors}}!{{else}}ok{{end}}"}, patterns...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = env
	b, err := cmd.Output()
	if err != nil {
		return false // go list itself failed: keep memlint's verdict
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if strings.TrimSpace(line) == "ok" {
			return false
		}
	}
	return true
}

// pruneCaches removes the entries of dir (memlint caches, one per binary)
// other than those named in keep, those a running harness marked in use
// (markInUse), and the n most recently modified others.
// Entries of the older layout, one cache for every binary (its 00..ff
// shards and trim.txt), are removed too.
func pruneCaches(dir string, keep map[string]bool, n int) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	type cand struct {
		name string
		mod  time.Time
	}
	var others []cand
	for _, e := range entries {
		if keep[e.Name()] {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if e.IsDir() && len(e.Name()) > 2 { // a binary's cache, not a shard
			if !inUse(filepath.Join(dir, e.Name())) {
				others = append(others, cand{e.Name(), info.ModTime()})
			}
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	sort.Slice(others, func(i, j int) bool { return others[i].mod.After(others[j].mod) })
	for i, c := range others {
		if i < n {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, c.name)); err != nil {
			return err
		}
	}
	return nil
}

// inUseMark is the prefix of the file a run puts in each binary cache it
// uses, followed by its process ID.
const inUseMark = "in-use-"

// markInUse marks the caches of the binaries in ids, under dir, as used
// by this process, so that another harness running meanwhile (a second
// binary, a helper's) does not prune them while memlint writes there: a
// run pruning another's cache mid-run made the other's memlint read a
// half-removed cache. release removes the marks.
func markInUse(dir string, ids map[string]bool) (release func(), err error) {
	var marks []string
	release = func() {
		for _, m := range marks {
			os.Remove(m)
		}
	}
	for id := range ids {
		d := filepath.Join(dir, id)
		if err := os.MkdirAll(d, 0o777); err != nil {
			release()
			return nil, err
		}
		m := filepath.Join(d, inUseMark+strconv.Itoa(os.Getpid()))
		if err := os.WriteFile(m, nil, 0o666); err != nil {
			release()
			return nil, err
		}
		marks = append(marks, m)
	}
	return release, nil
}

// inUse reports whether a binary's cache holds the mark of a process that
// is still running (a mark left by a killed run does not keep it).
func inUse(cache string) bool {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return false
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), inUseMark))
		if err != nil || !strings.HasPrefix(e.Name(), inUseMark) {
			continue
		}
		if processAlive(pid) {
			return true
		}
	}
	return false
}

func hashString(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:6])
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:6]), nil
}

// stubModfile writes go.memlint.mod (and its go.sum) beside the module's
// go.mod in dir, with each stubbed module replaced by its directory under
// corpus/stubs and each dep (MODULE=DIR) by DIR in dir, and returns its
// path.
func stubModfile(root, dir string, stubs, deps []string) (string, error) {
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.Write(gomod)
	for _, s := range stubs {
		sd := filepath.Join(root, "corpus", "stubs", filepath.FromSlash(s))
		if _, err := os.Stat(filepath.Join(sd, "go.mod")); err != nil {
			return "", fmt.Errorf("stub %s: %v", s, err)
		}
		fmt.Fprintf(&b, "\nreplace %s => %s\n", s, sd)
	}
	for _, d := range deps {
		mod, rel, _ := strings.Cut(d, "=")
		dd := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(filepath.Join(dd, "go.mod")); err != nil {
			return "", fmt.Errorf("dep %s: %v (corpus/restore extracts it)", mod, err)
		}
		fmt.Fprintf(&b, "\nreplace %s => %s\n", mod, dd)
	}
	modfile := filepath.Join(dir, "go.memlint.mod")
	if err := os.WriteFile(modfile, b.Bytes(), 0o644); err != nil {
		return "", err
	}
	if sum, err := os.ReadFile(filepath.Join(dir, "go.sum")); err == nil {
		if err := os.WriteFile(filepath.Join(dir, "go.memlint.sum"), sum, 0o644); err != nil {
			return "", err
		}
	}
	return modfile, nil
}

// flagsID is the id of a binary run with memlint flags: its results and
// cache are kept apart from the same binary's without them.
func flagsID(id string, flags []string) string {
	if len(flags) == 0 {
		return id
	}
	return id + "-" + hashString(strings.Join(flags, " "))
}

// analyseNow downloads one module, copies it and runs memlint on the copy.
func analyseNow(o options, bin, binID string, m module) *outcome {
	start := time.Now()
	out := &outcome{mod: m}
	defer func() { out.elapsed = time.Since(start) }()
	dir, err := checkout(o.cache, m.path, m.toolchain)
	if err != nil {
		out.err = err
		return out
	}
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()
	args := append(append([]string{"-json"}, o.flags...), m.patterns...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	goflags := "-mod=mod"
	if m.tags != "" {
		goflags += " -tags=" + m.tags
	}
	if len(m.stubs) > 0 || len(m.deps) > 0 {
		modfile, err := stubModfile(o.root, dir, m.stubs, m.deps)
		if err != nil {
			out.err = err
			return out
		}
		goflags += " -modfile=" + modfile
	}
	cmd.Env = append(os.Environ(),
		"GOFLAGS="+goflags,
		"GOWORK=off",
		"MEMLINT_CACHE="+filepath.Join(o.cache, "memlint-cache", binID),
	)
	if m.toolchain != "" {
		cmd.Env = append(cmd.Env, "GOTOOLCHAIN="+m.toolchain)
	}
	var stdout, errb bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		out.err = fmt.Errorf("timed out after %v", o.timeout)
		return out
	}
	for line := range strings.SplitSeq(errb.String(), "\n") {
		switch {
		case isCrash(line):
			out.crashes = append(out.crashes, line)
		case strings.HasPrefix(line, "go: downloading "), strings.HasPrefix(line, "go: finding "), strings.HasPrefix(line, "go: found "):
		case strings.TrimSpace(line) != "":
			out.skipped = append(out.skipped, line)
		}
	}
	if stdout.Len() == 0 {
		if err == nil {
			err = errors.New("no output")
		}
		out.err = fmt.Errorf("memlint: %v: %s", err, firstLines(errb.String(), 3))
		return out
	}
	if len(out.skipped) > 0 && noneLoads(ctx, cmd.Env, dir, m.patterns) {
		// Every package failed to load (a dependency the proxy refuses):
		// memlint analysed nothing, and no finding is not a result.
		out.err = fmt.Errorf("no package of the module loads: %s", out.skipped[0])
		return out
	}
	seen := make(map[string]bool)
	err = analysisjson.Decode(bytes.NewReader(stdout.Bytes()), func(r analysisjson.Result) error {
		pass := r.Pass
		if r.Err != "" {
			if isCrash(r.Err) {
				out.crashes = append(out.crashes, pass+": "+r.Err)
			} else {
				out.skipped = append(out.skipped, pass+": "+r.Err)
			}
			return nil
		}
		for _, d := range r.Diagnostics {
			file, line, ok := splitPosn(d.Posn)
			if !ok {
				continue
			}
			rel, err := filepath.Rel(dir, file)
			if err != nil || strings.HasPrefix(rel, "..") {
				continue // a finding outside the module (a dependency)
			}
			f := finding{mod: m.path, pass: pass, file: filepath.ToSlash(rel), line: line, message: d.Message}
			k := f.key() + "\x00" + d.Message
			if !seen[k] {
				seen[k] = true
				out.findings = append(out.findings, f)
			}
			// A finding that names further sites of the module in its
			// related information ("api/api.go:95: ...", bodylimit's
			// program rule) claims each of them: each is scored.
			for _, r := range d.Related {
				file, line, ok := namedSite(r.Message)
				if !ok {
					continue
				}
				// The message keeps what the related information says
				// of this site, for the review of a new finding.
				f := finding{mod: m.path, pass: pass, file: file, line: line, message: d.Message + " | " + r.Message}
				k := f.key() + "\x00" + d.Message
				if !seen[k] {
					seen[k] = true
					out.findings = append(out.findings, f)
				}
			}
		}
		return nil
	})
	if err != nil {
		out.err = fmt.Errorf("memlint -json output: %v", err)
		return out
	}
	sort.Slice(out.findings, func(i, j int) bool {
		a, b := out.findings[i], out.findings[j]
		if a.file != b.file {
			return a.file < b.file
		}
		return a.line < b.line
	})
	return out
}

// unanalysedDirs returns the module-relative directories of the packages
// memlint named as not analysed in its stderr lines skipped ("memlint:
// PKG: not analysed: it depends on DEP, which could not be analysed"),
// each with DEP: a label there is missed because of the machine or the
// module (a cgo dependency that does not build), not because of a pass.
func unanalysedDirs(mod string, skipped []string) map[string]string {
	modPath, _, _ := strings.Cut(mod, "@")
	dirs := make(map[string]string)
	for _, line := range skipped {
		rest, ok := strings.CutPrefix(line, "memlint: ")
		if !ok {
			continue
		}
		pkg, rest, ok := strings.Cut(rest, ": not analysed: it depends on ")
		if !ok {
			continue
		}
		dep, _, _ := strings.Cut(rest, ",")
		switch {
		case pkg == modPath:
			dirs["."] = dep
		case strings.HasPrefix(pkg, modPath+"/"):
			dirs[strings.TrimPrefix(pkg, modPath+"/")] = dep
		}
	}
	return dirs
}

// namedSite parses a related-information message that starts with a
// module-relative position, "dir/file.go:12: ...".
func namedSite(msg string) (string, int, bool) {
	posn, _, ok := strings.Cut(msg, ": ")
	if !ok || strings.ContainsAny(posn, " \t") {
		return "", 0, false
	}
	i := strings.LastIndexByte(posn, ':')
	if i < 0 {
		return "", 0, false
	}
	file := posn[:i]
	line, err := strconv.Atoi(posn[i+1:])
	if err != nil || !strings.HasSuffix(file, ".go") || filepath.IsAbs(file) || strings.HasPrefix(file, "..") {
		return "", 0, false
	}
	return file, line, true
}

var crashMarkers = []string{"internal error", "panic:", "goroutine "}

func isCrash(line string) bool {
	for _, m := range crashMarkers {
		if strings.Contains(line, m) {
			return true
		}
	}
	return false
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "; ")
}

func splitPosn(s string) (string, int, bool) {
	// file:line:col
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[j+1 : i])
	if err != nil {
		return "", 0, false
	}
	return s[:j], n, true
}

// checkout returns a writable copy of module@version, downloading it
// through the module proxy on first use.
func checkout(cache, modver, toolchain string) (string, error) {
	dst := filepath.Join(cache, "src", strings.ReplaceAll(modver, "/", "+"))
	if _, err := os.Stat(filepath.Join(dst, ".complete")); err == nil {
		return dst, dropLocalReplaces(dst, toolchain)
	}
	cmd := exec.Command("go", "mod", "download", "-json", modver)
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if toolchain != "" {
		cmd.Env = append(cmd.Env, "GOTOOLCHAIN="+toolchain)
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	data, err := cmd.Output()
	var info struct{ Dir, Error string }
	json.Unmarshal(data, &info)
	if info.Error != "" {
		return "", fmt.Errorf("go mod download %s: %s", modver, info.Error)
	}
	if err != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %v %s", modver, err, firstLines(errb.String(), 2))
	}
	os.RemoveAll(dst)
	if err := fsutil.CopyTree(info.Dir, dst, nil); err != nil {
		return "", err
	}
	if err := initModule(dst, modver); err != nil {
		return "", err
	}
	if err := dropLocalReplaces(dst, toolchain); err != nil {
		return "", err
	}
	// A module without go.sum lists, or one whose go.sum misses entries,
	// is completed by -mod=mod at analysis time.
	return dst, os.WriteFile(filepath.Join(dst, ".complete"), nil, 0o644)
}

// initModule writes a go.mod for a version from before modules (the
// proxy serves them, +incompatible or pseudo-versions, without one): the
// go command needs one to build it. Its requirements are added by
// -mod=mod at analysis time, at the latest versions of the modules its
// imports name; a package whose dependency has since changed its API does
// not type-check, and is listed with the load errors. The go directive
// is 1.16, the last release before module graph pruning, so an old tree
// keeps the language it was written in (no loop-variable change), unless
// -mod=mod raises it for a requirement that needs a newer Go.
func initModule(dir, modver string) error {
	gomod := filepath.Join(dir, "go.mod")
	if _, err := os.Stat(gomod); !errors.Is(err, os.ErrNotExist) {
		return err
	}
	path, _, _ := strings.Cut(modver, "@")
	return os.WriteFile(gomod, []byte("module "+path+"\n\ngo 1.16\n"), 0o644)
}

// dropLocalReplaces removes the replace directives of the copy's go.mod
// that point at directories: a module of a multi-module repository
// (OpenTelemetry's contrib modules) replaces its siblings with ../..
// paths, which its proxy copy does not have, and every package would fail
// to load. Without them the required versions come from the proxy.
func dropLocalReplaces(dir, toolchain string) error {
	env := os.Environ()
	if toolchain != "" {
		env = append(env, "GOTOOLCHAIN="+toolchain)
	}
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go mod edit -json in %s: %v", dir, err)
	}
	var mod struct {
		Replace []struct {
			Old, New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return fmt.Errorf("go mod edit -json in %s: %v", dir, err)
	}
	args := []string{"mod", "edit"}
	for _, r := range mod.Replace {
		if r.New.Version != "" {
			continue // a module replaced by another module
		}
		old := r.Old.Path
		if r.Old.Version != "" {
			old += "@" + r.Old.Version
		}
		args = append(args, "-dropreplace="+old)
	}
	if len(args) == 2 {
		return nil
	}
	cmd = exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod edit -dropreplace in %s: %v %s", dir, err, firstLines(string(out), 2))
	}
	return nil
}

// report is the comparison of findings with labels.
type report struct {
	outs    []*outcome
	byPass  map[string]*score1
	byMod   map[string]*score1
	tp, fp  []match
	fn      []label
	unknown []finding
	// unanalysed holds, by label key, the dependency whose failure kept
	// memlint from analysing the package of a false negative.
	unanalysed map[string]string
}

type match struct {
	f finding
	l label
}

type score1 struct{ tp, fp, fn, unknown int }

func (s *score1) precision() string {
	if s.tp+s.fp == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(s.tp)/float64(s.tp+s.fp))
}

func (s *score1) recall() string {
	if s.tp+s.fn == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(s.tp)/float64(s.tp+s.fn))
}

func wantPass(o options, pass string) bool {
	if len(o.passes) == 0 {
		return true
	}
	for _, p := range o.passes {
		if p == pass {
			return true
		}
	}
	return false
}

func score(o options, mods []module, outs []*outcome, labels []label) *report {
	r := &report{outs: outs, byPass: make(map[string]*score1), byMod: make(map[string]*score1), unanalysed: make(map[string]string)}
	get := func(m map[string]*score1, k string) *score1 {
		if m[k] == nil {
			m[k] = &score1{}
		}
		return m[k]
	}
	analysed := make(map[string]bool)
	skippedDirs := make(map[string]map[string]string)
	for _, out := range outs {
		if out.err == nil && out.unavailable == nil {
			analysed[out.mod.path] = true
			skippedDirs[out.mod.path] = unanalysedDirs(out.mod.path, out.skipped)
		}
	}
	byKey := make(map[string]label)
	for _, l := range labels {
		byKey[l.key()] = l
	}
	found := make(map[string]bool)
	for _, out := range outs {
		for _, f := range out.findings {
			if !wantPass(o, f.pass) || found[f.key()] {
				continue
			}
			found[f.key()] = true
			l, ok := byKey[f.key()]
			switch {
			case !ok:
				r.unknown = append(r.unknown, f)
				get(r.byPass, f.pass).unknown++
				get(r.byMod, f.mod).unknown++
			case l.flag:
				r.tp = append(r.tp, match{f, l})
				get(r.byPass, f.pass).tp++
				get(r.byMod, f.mod).tp++
			default:
				r.fp = append(r.fp, match{f, l})
				get(r.byPass, f.pass).fp++
				get(r.byMod, f.mod).fp++
			}
		}
	}
	for _, l := range labels {
		if !l.flag || !wantPass(o, l.pass) || !analysed[l.mod] || found[l.key()] {
			continue
		}
		r.fn = append(r.fn, l)
		if dep, ok := skippedDirs[l.mod][pathpkg.Dir(l.file)]; ok {
			r.unanalysed[l.key()] = dep
		}
		get(r.byPass, l.pass).fn++
		get(r.byMod, l.mod).fn++
	}
	return r
}

func (r *report) failed() bool {
	if len(r.unknown) > 0 {
		return true
	}
	for _, out := range r.outs {
		if out.err != nil || len(out.crashes) > 0 || out.unexpectedSkips() {
			return true
		}
	}
	return false
}

// unexpectedSkips reports whether memlint left out packages of a module
// that modules.txt does not mark partial: their labels count as misses,
// so a run on a machine that lacks what they need is no measure.
func (out *outcome) unexpectedSkips() bool {
	return len(out.lost()) > 0 && !out.mod.partial && out.err == nil && out.unavailable == nil
}

// lost returns the lines of memlint's stderr that say a package was not
// analysed: every line but the C compiler's warnings for a cgo package
// that built ("# github.com/mattn/go-sqlite3" and the warnings go build
// prints under it), which cost nothing.
func (out *outcome) lost() []string {
	var lost, block []string
	warnings := true // the block so far holds no error
	flush := func() {
		if !warnings {
			lost = append(lost, block...)
		}
		block, warnings = nil, true
	}
	for _, line := range out.skipped {
		switch {
		case strings.HasPrefix(line, "# "):
			flush()
			block = append(block, line)
		case block != nil && compilerLine.MatchString(line):
			block = append(block, line)
			if strings.Contains(line, "error") {
				warnings = false
			}
		default:
			flush()
			lost = append(lost, line)
		}
	}
	flush()
	return lost
}

// compilerLine matches what a C compiler prints under go build's "# PKG"
// line: a diagnostic or context line naming a C source or header, a quoted
// source line or its caret line, and the include chain.
var compilerLine = regexp.MustCompile(`^(\S+\.(c|h|cc|cpp|cxx|hh|hpp|m)(:| In )|cgo-gcc-prolog:|\s*\d*\s*\||In file included from |\s+from )`)

func (r *report) print(w io.Writer, o options) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "memlint on %d modules\n\n", len(r.outs))
	table := func(title string, m map[string]*score1) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(bw, "%-60s %4s %4s %4s %4s %9s %6s\n", title, "TP", "FP", "FN", "new", "precision", "recall")
		var tot score1
		for _, k := range keys {
			s := m[k]
			tot.tp += s.tp
			tot.fp += s.fp
			tot.fn += s.fn
			tot.unknown += s.unknown
			fmt.Fprintf(bw, "%-60s %4d %4d %4d %4d %9s %6s\n", k, s.tp, s.fp, s.fn, s.unknown, s.precision(), s.recall())
		}
		fmt.Fprintf(bw, "%-60s %4d %4d %4d %4d %9s %6s\n\n", "total", tot.tp, tot.fp, tot.fn, tot.unknown, tot.precision(), tot.recall())
	}
	table("pass", r.byPass)
	table("module", r.byMod)
	for _, out := range r.outs {
		if out.err != nil {
			fmt.Fprintf(bw, "FAILED %s: %v\n", out.mod.path, out.err)
		}
		switch {
		case out.unavailable != nil:
			fmt.Fprintf(bw, "UNAVAILABLE %s (marked in modules.txt), its labels not scored: %s\n", out.mod.path, oneLine(out.unavailable.Error()))
		case out.mod.unavailable:
			fmt.Fprintf(bw, "AVAILABLE %s: analysed and scored; remove its unavailable mark in modules.txt\n", out.mod.path)
		}
		for _, c := range out.crashes {
			fmt.Fprintf(bw, "CRASH %s: %s\n", out.mod.path, c)
		}
		switch {
		case out.unexpectedSkips():
			lost := out.lost()
			fmt.Fprintf(bw, "LOAD ERRORS %s: %d lines of load or type-check errors, e.g. %s: packages memlint did not analyse; install what they need (corpus/restore/README.md), or mark the module partial in modules.txt with the reason\n", out.mod.path, len(lost), lost[0])
		case len(out.lost()) > 0 && out.err == nil && out.unavailable == nil:
			lost := out.lost()
			fmt.Fprintf(bw, "%s: %d lines of load or type-check errors (partial, as modules.txt says), e.g. %s\n", out.mod.path, len(lost), lost[0])
		case out.mod.partial && out.err == nil && out.unavailable == nil:
			fmt.Fprintf(bw, "COMPLETE %s: every package loaded; remove its partial mark in modules.txt\n", out.mod.path)
		}
	}
	if len(r.fp) > 0 {
		fmt.Fprintln(bw, "\nfalse positives (labelled ok):")
		for _, m := range r.fp {
			fmt.Fprintf(bw, "  %s %s:%d (%s): %s\n", m.f.mod, m.f.file, m.f.line, m.f.pass, m.l.reason)
		}
	}
	if len(r.fn) > 0 {
		fmt.Fprintln(bw, "\nfalse negatives (labelled flag, no finding):")
		for _, l := range r.fn {
			note := ""
			if dep, ok := r.unanalysed[l.key()]; ok {
				note = " [package not analysed: it depends on " + dep + ", which could not be analysed]"
			}
			fmt.Fprintf(bw, "  %s %s:%d (%s):%s %s\n", l.mod, l.file, l.line, l.pass, note, l.reason)
		}
		if n := len(r.unanalysed); n > 0 {
			fmt.Fprintf(bw, "%d of them are in packages memlint did not analyse (a dependency failed to build or type-check on this machine): install what it needs and run again\n", n)
		}
	}
	if len(r.unknown) > 0 {
		fmt.Fprintln(bw, "\nfindings that need a verdict:")
		for _, f := range r.unknown {
			fmt.Fprintf(bw, "  %s %s:%d (%s): %s\n", f.mod, f.file, f.line, f.pass, f.message)
		}
		if o.accept {
			fmt.Fprintln(bw, "\nlabel lines for them (review the verdict and reason, then add to corpus/labels/PASS.tsv):")
			for _, f := range r.unknown {
				fmt.Fprintf(bw, "%s\t%s\t%s:%d\tflag\tREVIEW: %s\n", f.pass, f.mod, f.file, f.line, oneLine(f.message))
			}
		}
	}
	for _, out := range r.outs {
		fmt.Fprintf(bw, "time %s %s\n", out.mod.path, out.elapsed.Round(time.Second))
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
