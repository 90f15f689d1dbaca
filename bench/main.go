// Command bench measures memlint against its floors and its peers and
// writes docs/performance.md.
//
//	go run ./bench [-runs 3] [-corpora std,xtools] [-tools ...] [-out docs/performance.md]
//
// It builds memlint and two floors from this repository (bench/floors: a
// no-op pass needing only inspect, and a no-op pass needing buildssa and
// declaring a fact), then runs, on each corpus, cold and warm:
//
//   - memlint, floor-inspect and floor-ssa in memlint's standalone driver
//   - the same three under go vet -vettool
//   - go vet with its own analyzers
//   - staticcheck (go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)
//   - memlint in x/tools' multichecker (the old driver; MEMLINT_DRIVER=multichecker)
//
// "Cold" means every analysis cache empty (a fresh MEMLINT_CACHE, a fresh
// staticcheck cache, a fresh GOCACHE for go vet) but compiled packages and
// cgo outputs present: each cold run gets a hard-linked copy of a build
// cache primed with `go list -export -compiled -deps -test`. "Warm" is the
// same command again with the caches the cold run left.
//
// Wall time is measured around the command; peak RSS is the largest sum of
// the resident sets of the command's whole process tree, sampled every
// 50 ms from /proc (go vet and memlint run one process per package, so
// the largest single process alone would flatter them). Runs of the tools
// alternate, and each cell is the median of -runs runs.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

var (
	runs    = flag.Int("runs", 3, "runs per tool, corpus and mode (medians are reported)")
	corpora = flag.String("corpora", "std,xtools", "corpora: std, xtools")
	tools   = flag.String("tools", "", "comma-separated tool names to run (default: all)")
	out     = flag.String("out", "docs/performance.md", "markdown report to write (empty: none)")
	xtools  = flag.String("xtools", "golang.org/x/tools@v0.52.0", "module (in the module cache) used as the x/tools corpus")
	save    = flag.String("save", "bench/results.json", "file to write every sample to (empty: none)")
	seed    = flag.Bool("seed", false, "seed the primed build cache from the user's GOCACHE (faster, but go vet's cold runs may find cached vet results)")
	reuse   = flag.String("reuse", "", "samples file of an earlier run: tools not run now are reported from it")
)

// record is one sample in the -save file.
type record struct {
	Corpus, Tool, Mode string
	WallSeconds        float64
	TreeRSS, ProcRSS   int64
	Exit               int
}

type tool struct {
	name   string
	driver string // the floor this tool is compared with
	argv   func(b *bins, pattern string) []string
	env    func(caches string) []string
	cold   bool // cold only (no cache to warm)
}

type bins struct {
	memlint, floorInspect, floorSSA, staticcheck string
}

var allTools = []tool{
	{name: "memlint", driver: "floor-ssa", argv: func(b *bins, p string) []string { return []string{b.memlint, p} }},
	{name: "floor-inspect", driver: "floor-ssa", argv: func(b *bins, p string) []string { return []string{b.floorInspect, p} }},
	{name: "floor-ssa", driver: "floor-ssa", argv: func(b *bins, p string) []string { return []string{b.floorSSA, p} }},
	{name: "vet -vettool=memlint", driver: "vet -vettool=floor-ssa", argv: func(b *bins, p string) []string {
		return []string{"go", "vet", "-vettool=" + b.memlint, p}
	}},
	{name: "vet -vettool=floor-inspect", driver: "vet -vettool=floor-ssa", argv: func(b *bins, p string) []string {
		return []string{"go", "vet", "-vettool=" + b.floorInspect, p}
	}},
	{name: "vet -vettool=floor-ssa", driver: "vet -vettool=floor-ssa", argv: func(b *bins, p string) []string {
		return []string{"go", "vet", "-vettool=" + b.floorSSA, p}
	}},
	{name: "go vet", driver: "floor-ssa", argv: func(b *bins, p string) []string { return []string{"go", "vet", p} }},
	{name: "staticcheck", driver: "floor-ssa", argv: func(b *bins, p string) []string { return []string{b.staticcheck, p} }},
	{name: "memlint (multichecker)", driver: "floor-ssa (multichecker)", cold: true,
		argv: func(b *bins, p string) []string { return []string{b.memlint, p} },
		env:  func(string) []string { return []string{"MEMLINT_DRIVER=multichecker"} }},
	{name: "floor-ssa (multichecker)", driver: "floor-ssa (multichecker)", cold: true,
		argv: func(b *bins, p string) []string { return []string{b.floorSSA, p} },
		env:  func(string) []string { return []string{"MEMLINT_DRIVER=multichecker"} }},
}

type corpus struct {
	name, dir, pattern, desc string
	template                 string // primed GOCACHE to hard-link from
}

type sample struct {
	wall     time.Duration
	treeRSS  int64 // bytes, peak sum over the process tree
	procRSS  int64 // bytes, largest single process (getrusage)
	exitCode int
}

type key struct{ corpus, tool, mode string }

// endMarker ends the generated part of the report; text after it is kept
// when the report is rewritten.
const endMarker = "<!-- end of the generated part: text below is kept by go run ./bench -->\n"

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		log.Fatal(err)
	}
	work, err := os.MkdirTemp("", "memlint-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)

	b := build(root, work)
	var selected []tool
	for _, t := range allTools {
		if *tools == "" || slices.Contains(strings.Split(*tools, ","), t.name) {
			selected = append(selected, t)
		}
	}
	loadStart := loadavg()
	started := time.Now()
	results := make(map[key][]sample)
	ran := make(map[key]bool)
	reused := false
	var cs []*corpus
	for _, name := range strings.Split(*corpora, ",") {
		needExport := false
		for _, t := range selected {
			needExport = needExport || strings.Contains(t.name, "vet") || t.name == "staticcheck"
		}
		if *runs == 0 {
			// -runs 0 -reuse FILE: only render the report.
			cs = append(cs, &corpus{name: name, desc: describe(name)})
			continue
		}
		c := prepare(name, work, needExport)
		cs = append(cs, c)
		for rep := range *runs {
			// Alternate: rotate the tool order on every repetition.
			order := append(slices.Clone(selected[rep%len(selected):]), selected[:rep%len(selected)]...)
			for _, t := range order {
				ran[key{c.name, t.name, ""}] = true
				cold, warm := runTool(b, c, t, work)
				results[key{c.name, t.name, "cold"}] = append(results[key{c.name, t.name, "cold"}], cold)
				if warm != nil {
					results[key{c.name, t.name, "warm"}] = append(results[key{c.name, t.name, "warm"}], *warm)
				}
				log.Printf("%s %-28s cold %6.1fs %7.0f MiB  warm %s", c.name, t.name,
					cold.wall.Seconds(), mib(cold.treeRSS), warmText(warm))
			}
		}
	}
	if *reuse != "" {
		data, err := os.ReadFile(*reuse)
		if err != nil {
			log.Fatal(err)
		}
		var recs []record
		if err := json.Unmarshal(data, &recs); err != nil {
			log.Fatalf("%s: %v", *reuse, err)
		}
		for _, r := range recs {
			k := key{r.Corpus, r.Tool, r.Mode}
			if ran[key{r.Corpus, r.Tool, ""}] {
				continue
			}
			results[k] = append(results[k], sample{wall: time.Duration(r.WallSeconds * float64(time.Second)), treeRSS: r.TreeRSS, procRSS: r.ProcRSS, exitCode: r.Exit})
			reused = true
		}
		selected = allTools
	}
	if *save != "" {
		var recs []record
		for k, ss := range results {
			for _, s := range ss {
				recs = append(recs, record{k.corpus, k.tool, k.mode, s.wall.Seconds(), s.treeRSS, s.procRSS, s.exitCode})
			}
		}
		sort.Slice(recs, func(i, j int) bool {
			a, b := recs[i], recs[j]
			return a.Corpus+a.Tool+a.Mode < b.Corpus+b.Tool+b.Mode
		})
		data, _ := json.MarshalIndent(recs, "", "\t")
		if err := os.WriteFile(inRoot(root, *save), append(data, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	note := ""
	if reused {
		note = fmt.Sprintf("Rows of tools not rerun this time come from an earlier run (`-reuse %s`). ", *reuse)
	}
	report := render(cs, selected, results, loadStart, loadavg(), time.Since(started), note)
	fmt.Print(report)
	if *out != "" {
		// Keep the hand-written discussion below the generated part.
		path := inRoot(root, *out)
		if old, err := os.ReadFile(path); err == nil {
			if i := bytes.Index(old, []byte(endMarker)); i >= 0 {
				report += string(old[i+len(endMarker):])
			}
		}
		if err := os.WriteFile(path, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *out)
	}
}

func warmText(s *sample) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprintf("%6.1fs %7.0f MiB", s.wall.Seconds(), mib(s.treeRSS))
}

func mib(b int64) float64 { return float64(b) / (1 << 20) }

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/memlint/memlint").Output()
	if err != nil {
		return "", fmt.Errorf("run from the memlint module: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
}

func build(root, work string) *bins {
	b := &bins{
		memlint:      filepath.Join(work, "bin", "memlint"),
		floorInspect: filepath.Join(work, "bin", "floor-inspect"),
		floorSSA:     filepath.Join(work, "bin", "floor-ssa"),
	}
	for bin, pkg := range map[string]string{
		b.memlint: "./cmd/memlint", b.floorInspect: "./bench/cmd/floor-inspect", b.floorSSA: "./bench/cmd/floor-ssa",
	} {
		// A fresh link flag gives each binary a build ID of its own, so
		// no go vet results of an identical earlier build (go test's own
		// vet runs, the examples tests) can make a "cold" vet run warm.
		nonce := fmt.Sprintf("-ldflags=-X=main.benchNonce=%d", time.Now().UnixNano())
		cmd := exec.Command("go", "build", nonce, "-o", bin, pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			log.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	b.staticcheck = lookStaticcheck()
	return b
}

func lookStaticcheck() string {
	if p, err := exec.LookPath("staticcheck"); err == nil {
		return p
	}
	gopath, _ := exec.Command("go", "env", "GOPATH").Output()
	p := filepath.Join(strings.TrimSpace(string(gopath)), "bin", "staticcheck")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	log.Printf("installing staticcheck v0.8.2")
	cmd := exec.Command("go", "install", "honnef.co/go/tools/cmd/staticcheck@v0.8.2")
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("go install staticcheck: %v\n%s", err, out)
	}
	return p
}

// prepare sets up a corpus and primes a build cache for it.
func prepare(name, work string, needExport bool) *corpus {
	c := &corpus{name: name}
	switch name {
	case "std":
		c.dir = filepath.Join(work, "std")
		c.pattern = "std"
		c.desc = describe(name)
		if err := os.MkdirAll(c.dir, 0o777); err != nil {
			log.Fatal(err)
		}
	case "xtools":
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			log.Fatal(err)
		}
		src := filepath.Join(strings.TrimSpace(string(out)), *xtools)
		if _, err := os.Stat(src); err != nil {
			cmd := exec.Command("go", "mod", "download", *xtools)
			if out, err := cmd.CombinedOutput(); err != nil {
				log.Fatalf("go mod download %s: %v\n%s", *xtools, err, out)
			}
		}
		c.dir = filepath.Join(work, "xtools")
		if out, err := exec.Command("cp", "-r", src, c.dir).CombinedOutput(); err != nil {
			log.Fatalf("cp: %v\n%s", err, out)
		}
		exec.Command("chmod", "-R", "u+w", c.dir).Run()
		c.pattern = "./..."
		c.desc = describe(name)
	default:
		log.Fatalf("unknown corpus %q", name)
	}
	// The template build cache: a hard-linked copy of the user's, primed
	// with everything the corpus compiles, so cold runs measure analysis,
	// not compilation.
	c.template = filepath.Join(work, "gocache-"+name)
	// By default it starts empty: the user's cache may hold go vet
	// results (go test vets the packages it tests, and their
	// dependencies for facts) that would make go vet's cold runs warm.
	// -seed copies the user's cache instead, which primes much faster.
	os.MkdirAll(c.template, 0o777)
	if *seed {
		os.Remove(c.template)
		usercache, _ := exec.Command("go", "env", "GOCACHE").Output()
		if out, err := exec.Command("cp", "-al", strings.TrimSpace(string(usercache)), c.template).CombinedOutput(); err != nil {
			log.Printf("cannot copy the user's build cache (%v: %s); priming from scratch", err, out)
			os.MkdirAll(c.template, 0o777)
		}
	}
	log.Printf("priming the build cache for %s", name)
	// Only go vet and staticcheck need compiled packages; memlint's
	// driver needs just the cgo outputs.
	args := []string{"list", "-e", "-compiled", "-deps", "-test"}
	if needExport {
		args = append(args, "-export")
	}
	cmd := exec.Command("go", append(args, c.pattern)...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "GOCACHE="+c.template)
	cmd.Stdout = nil
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Printf("priming: %v\n%s", err, lastLines(out, 10))
	}
	return c
}

func describe(corpus string) string {
	if corpus == "std" {
		return "the standard library (`std`), with tests"
	}
	return "`" + *xtools + "` (`./...` in a writable copy), with tests"
}

// runTool runs t on c cold, then warm.
func runTool(b *bins, c *corpus, t tool, work string) (sample, *sample) {
	caches, err := os.MkdirTemp(work, "caches-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(caches)
	gocache := filepath.Join(caches, "go-build")
	if out, err := exec.Command("cp", "-al", c.template, gocache).CombinedOutput(); err != nil {
		log.Fatalf("cp -al: %v\n%s", err, out)
	}
	env := append(os.Environ(),
		"GOCACHE="+gocache,
		"MEMLINT_CACHE="+filepath.Join(caches, "memlint"),
		"STATICCHECK_CACHE="+filepath.Join(caches, "staticcheck"),
		"GOFLAGS=-mod=mod",
	)
	if t.env != nil {
		env = append(env, t.env(caches)...)
	}
	argv := t.argv(b, c.pattern)
	cold := measure(argv, c.dir, env)
	if t.cold {
		return cold, nil
	}
	warm := measure(argv, c.dir, env)
	return cold, &warm
}

// measure runs argv and samples its process tree's resident set.
func measure(argv []string, dir string, env []string) sample {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	var peak int64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			if rss := treeRSS(cmd.Process.Pid); rss > 0 {
				mu.Lock()
				peak = max(peak, rss)
				mu.Unlock()
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	<-done
	s := sample{wall: wall, treeRSS: peak}
	if cmd.ProcessState != nil {
		s.exitCode = cmd.ProcessState.ExitCode()
		s.procRSS = maxrss(cmd.ProcessState)
	}
	// Exit 1 with findings is how vet and staticcheck report them; only
	// a crash is worth a warning.
	if err != nil && s.exitCode != 1 && s.exitCode != 3 {
		log.Printf("%s: %v\n%s", strings.Join(argv, " "), err, lastLines(stderr.Bytes(), 10))
	}
	s.procRSS = max(s.procRSS, 0)
	return s
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// treeRSS sums VmRSS over pid and its descendants.
func treeRSS(pid int) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	children := make(map[int][]int)
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces; skip past ')'.
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		children[ppid] = append(children[ppid], p)
	}
	var total int64
	var walk func(int)
	walk = func(p int) {
		total += rss(p)
		for _, c := range children[p] {
			walk(c)
		}
	}
	walk(pid)
	return total
}

func rss(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return pages * int64(os.Getpagesize())
}

func loadavg() string {
	data, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func median(ss []sample, get func(sample) float64) float64 {
	if len(ss) == 0 {
		return 0
	}
	v := make([]float64, len(ss))
	for i, s := range ss {
		v[i] = get(s)
	}
	sort.Float64s(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func machine() string {
	var model string
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "model name") {
				model = strings.TrimSpace(l[strings.IndexByte(l, ':')+1:])
				break
			}
		}
	}
	var mem string
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		f := strings.Fields(string(data))
		if len(f) > 1 {
			kb, _ := strconv.ParseFloat(f[1], 64)
			mem = fmt.Sprintf("%.1f GiB", kb/(1<<20))
		}
	}
	gov, _ := exec.Command("go", "version").Output()
	return fmt.Sprintf("%s, %d CPUs (GOMAXPROCS %d), %s RAM, %s/%s, %s",
		model, runtime.NumCPU(), runtime.GOMAXPROCS(0), mem, runtime.GOOS, runtime.GOARCH, strings.TrimSpace(string(gov)))
}

func render(cs []*corpus, ts []tool, res map[key][]sample, load0, load1 string, total time.Duration, note string) string {
	var w strings.Builder
	fmt.Fprintf(&w, "# memlint performance\n\n")
	fmt.Fprintf(&w, "Generated by `go run ./bench %s` on %s.\n\n", strings.Join(os.Args[1:], " "), time.Now().UTC().Format("2006-01-02 15:04 MST"))
	if *runs == 0 {
		fmt.Fprintf(&w, "Machine: %s. The samples were measured earlier on this machine and read from `%s`.\n\n", machine(), *reuse)
	} else {
		fmt.Fprintf(&w, "Machine: %s. Load average before: %s, after: %s; this run took %s.\n\n",
			machine(), load0, load1, total.Round(time.Second))
	}
	fmt.Fprintf(&w, "Cold: every analysis cache empty (fresh MEMLINT_CACHE, staticcheck cache and GOCACHE for vet results) but compiled packages present (a hard-linked copy of a primed build cache). Warm: the same command again. Peak RSS is the largest sum over the command's whole process tree (sampled every 50 ms); \"max proc\" is the largest single process (getrusage). Each cell is the median of the number of cold runs in the `runs` column; tools alternate. %s\n\n", note)
	for _, c := range cs {
		fmt.Fprintf(&w, "## %s\n\nCorpus: %s.\n\n", c.name, c.desc)
		fmt.Fprintf(&w, "| tool | runs | cold wall | cold peak RSS | cold max proc | warm wall | warm peak RSS | cold wall / floor | cold RSS / floor | floor |\n|---|---|---|---|---|---|---|---|---|---|\n")
		for _, t := range ts {
			cold := res[key{c.name, t.name, "cold"}]
			warm := res[key{c.name, t.name, "warm"}]
			fl := res[key{c.name, t.driver, "cold"}]
			wallOf := func(s sample) float64 { return s.wall.Seconds() }
			rssOf := func(s sample) float64 { return mib(s.treeRSS) }
			procOf := func(s sample) float64 { return mib(s.procRSS) }
			warmWall, warmRSS := "-", "-"
			if len(warm) > 0 {
				warmWall = fmt.Sprintf("%.1f s", median(warm, wallOf))
				warmRSS = fmt.Sprintf("%.0f MiB", median(warm, rssOf))
			}
			ratioW, ratioR := "-", "-"
			if len(fl) > 0 && median(fl, wallOf) > 0 {
				ratioW = fmt.Sprintf("%.2f", median(cold, wallOf)/median(fl, wallOf))
				ratioR = fmt.Sprintf("%.2f", median(cold, rssOf)/median(fl, rssOf))
			}
			if len(cold) == 0 {
				continue
			}
			fmt.Fprintf(&w, "| %s | %d | %.1f s | %.0f MiB | %.0f MiB | %s | %s | %s | %s | %s |\n", t.name, len(cold),
				median(cold, wallOf), median(cold, rssOf), median(cold, procOf), warmWall, warmRSS, ratioW, ratioR, t.driver)
		}
		fmt.Fprintf(&w, "\n")
		w.WriteString(targets(c, res))
	}
	w.WriteString(endMarker)
	return w.String()
}

// targets states where memlint stands against the targets.
func targets(c *corpus, res map[key][]sample) string {
	wallOf := func(s sample) float64 { return s.wall.Seconds() }
	rssOf := func(s sample) float64 { return mib(s.treeRSS) }
	get := func(tool, mode string, f func(sample) float64) (float64, bool) {
		ss := res[key{c.name, tool, mode}]
		return median(ss, f), len(ss) > 0
	}
	var w strings.Builder
	fmt.Fprintf(&w, "Targets on %s:\n\n", c.name)
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	if m, ok1 := get("memlint", "cold", wallOf); ok1 {
		if f, ok2 := get("floor-ssa", "cold", wallOf); ok2 {
			fmt.Fprintf(&w, "- wall <= 1.2x the SSA+fact floor in the same driver (standalone): %.1f s vs %.1f s = %.2fx, %s\n", m, f, m/f, verdict(m <= 1.2*f))
		}
	}
	if m, ok1 := get("vet -vettool=memlint", "cold", wallOf); ok1 {
		if f, ok2 := get("vet -vettool=floor-ssa", "cold", wallOf); ok2 {
			fmt.Fprintf(&w, "- wall <= 1.2x the SSA+fact floor in the same driver (go vet): %.1f s vs %.1f s = %.2fx, %s\n", m, f, m/f, verdict(m <= 1.2*f))
		}
	}
	if m, ok1 := get("memlint", "cold", rssOf); ok1 {
		if s, ok2 := get("staticcheck", "cold", rssOf); ok2 {
			fmt.Fprintf(&w, "- standalone peak RSS <= staticcheck cold: %.0f MiB vs %.0f MiB, %s\n", m, s, verdict(m <= s))
		}
	}
	if m, ok1 := get("memlint", "warm", wallOf); ok1 {
		if c, ok2 := get("memlint", "cold", wallOf); ok2 {
			fmt.Fprintf(&w, "- warm re-run <= 10%% of cold: %.1f s vs %.1f s = %.0f%%, %s\n", m, c, 100*m/c, verdict(m <= 0.1*c))
		}
	}
	w.WriteString("\n")
	return w.String()
}

// maxrss returns the largest resident set of the process or any of its
// waited-for descendants, in bytes.
func maxrss(ps *os.ProcessState) int64 {
	return maxrssOf(ps)
}

// inRoot resolves a -save or -out path: relative to the repository root,
// or as given when absolute.
func inRoot(root, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(root, path)
}
