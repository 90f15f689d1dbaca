package unclosed

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	owner "github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/ssaflow"
)

//go:embed doc.go
var doc string

// Analyzer reports Kafka and Cloud Storage clients, writers and readers
// that are not closed on every path.
var Analyzer = &analysis.Analyzer{
	Name:      "unclosed",
	Doc:       passutil.MustExtractDoc(doc, "unclosed"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/unclosed",
	Run:       passutil.Guard("unclosed", run),
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer, owner.Analyzer},
	FactTypes: []analysis.Fact{new(wrapperFact)},
}

// extra is the value of the -unclosed.extra flag.
var extra keyList

func init() {
	Analyzer.Flags.Var(&extra, "extra", "comma-separated constructors whose result must be closed, as pkg/path.Func or (*pkg/path.Type).Method")
}

// keyList is a comma-separated list of constructor keys.
type keyList []string

// keyPattern is compiled on first use: its Unicode classes cost a few
// milliseconds, paid otherwise by every process go vet starts.
var keyPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[^\s(),*]+\.[\pL_][\pL\pN_]*|\(\*?[^\s(),*]+\.[\pL_][\pL\pN_]*\)\.[\pL_][\pL\pN_]*)$`)
})

func (l *keyList) String() string { return strings.Join(*l, ",") }

func (l *keyList) Set(s string) error {
	var keys []string
	for k := range strings.SplitSeq(s, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if !keyPattern().MatchString(k) {
			return fmt.Errorf("bad constructor %q: want pkg/path.Func or (*pkg/path.Type).Method", k)
		}
		keys = append(keys, canonicalKey(k))
	}
	*l = keys
	return nil
}

// canonicalKey rewrites the package path inside a key as apimatch.Path does.
func canonicalKey(k string) string {
	open, star, rest := "", "", k
	if strings.HasPrefix(rest, "(") {
		open, rest = "(", rest[1:]
		if strings.HasPrefix(rest, "*") {
			star, rest = "*", rest[1:]
		}
	}
	cut := len(rest)
	if open != "" {
		cut = strings.Index(rest, ")")
	}
	dot := strings.LastIndex(rest[:cut], ".")
	return open + star + apimatch.Path(rest[:dot]) + rest[dot:]
}

// config is the flag state of one run.
type config struct {
	extra map[string]bool
}

type checker struct {
	pass     *analysis.Pass
	cfg      config
	own      *owner.Result
	wrappers map[*ssa.Function]string // constructor wrappers: the key they wrap, or ""
	owners   map[*ssa.Function]owned  // owning wrappers among them
	funcs    []*ssa.Function          // the package's functions
	init     *ssa.Function            // the package initializer, which funcs omits
	pkg      *ssa.Package
	// producerSafe caches producerSettingsSafe: 0 unknown, 1 yes, 2 no.
	producerSafe int
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:     pass,
		cfg:      config{extra: make(map[string]bool)},
		own:      pass.ResultOf[owner.Analyzer].(*owner.Result),
		wrappers: make(map[*ssa.Function]string),
		owners:   make(map[*ssa.Function]owned),
	}
	for _, k := range extra {
		c.cfg.extra[k] = true
	}
	res := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
	funcs := res.SrcFuncs
	// Function literals in package-level variable initializers belong to
	// the package initializer, which SrcFuncs omits.
	if init := res.Pkg.Func("init"); init != nil {
		var add func(fn *ssa.Function)
		add = func(fn *ssa.Function) {
			for _, anon := range fn.AnonFuncs {
				funcs = append(funcs, anon)
				add(anon)
			}
		}
		add(init)
	}
	c.funcs = funcs
	c.init = res.Pkg.Func("init")
	c.pkg = res.Pkg

	// Constructor wrappers are needed from every package: a wrapper
	// need not be in a package that imports the library's users.
	for _, fn := range funcs {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || fn.Parent() != nil || !obj.Exported() || fn.Synthetic != "" {
			continue
		}
		if k := c.wrapperKey(fn); k != "" {
			o := c.owners[fn]
			pass.ExportObjectFact(obj, &wrapperFact{Constructs: k, Aliases: c.wrapperAliases(fn), Field: o.field, Release: o.release})
		}
	}

	// No import fast path: facts are computed for every package anyway,
	// and a package can call a constructor method (obj.NewWriter) on a
	// value whose package it does not import.
	for _, fn := range funcs {
		if fn.Synthetic != "" || generated(pass, fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c.checkCreation(fn, instr)
			}
		}
	}
	return nil, nil
}

func generated(pass *analysis.Pass, pos token.Pos) bool {
	f := passutil.FileOf(pass.Files, pos)
	return f != nil && passutil.IsGenerated(f)
}

// A creation is one call of a tracked constructor (or a tracked literal).
type creation struct {
	instr ssa.Instruction // *ssa.Call or *ssa.Alloc
	root  ssa.Value       // the resource; nil when discarded
	err   ssa.Value       // the constructor's error result, if any
	rule  resources.Rule
	typ   string // "kafka.Writer"
	ctor  string // "kafka.NewWriter"
	// aliases: other results of a wrapper holding the same resource
	// (return cl, kadm.NewClient(cl)): closing one closes it.
	aliases []ssa.Value
	key     string // the constructor's apimatch.Key; the type's for a literal
	own     *types.Package
	noFix   bool // an owning wrapper's release method takes arguments
}

func (c *checker) checkCreation(fn *ssa.Function, instr ssa.Instruction) {
	var cr *creation
	var o owned // an owning wrapper's
	switch instr := instr.(type) {
	case *ssa.Call:
		callee := apimatch.SSACallee(&instr.Call)
		key := apimatch.Key(callee)
		r, ok := resources.Rules[key]
		if !ok && c.cfg.extra[key] {
			r, ok = resources.ExtraRule, true
		}
		if !ok && callee != nil && !instr.Call.IsInvoke() {
			// A constructor wrapper: its calls create the resource of
			// the constructor it returns.
			if k := c.ctorKey(callee, instr.Call.StaticCallee()); k != "" {
				key = k
				if r, ok = resources.Rules[k]; !ok && c.cfg.extra[k] {
					r, ok = resources.ExtraRule, true
				}
				o = c.ownerOf(callee, instr.Call.StaticCallee())
			}
		}
		if !ok {
			return
		}
		res := instr.Call.Signature().Results()
		if res.Len() == 0 || o == (owned{}) && resources.CloseFreesNothing(key, res.At(0).Type()) {
			return
		}
		if o != (owned{}) {
			// The wrapper's struct holds the value and its own method
			// releases it.
			r.Release = strings.Split(o.release, ",")
			r.Leaks = fmt.Sprintf("its field %s holds the value of %s, which %s", o.field, shortKey(key), r.Leaks)
		}
		if resources.IdleUntilUsed[key] && (ssaflow.OncePerProcess(instr.Parent()) || ssaflow.TopLevelTest(instr.Parent()) ||
			ssaflow.TestHelperOfTopLevelTests(instr.Parent(), c.funcs)) {
			// Made once per process or test run: its idle connections
			// close by themselves after the idle timeout.
			return
		}
		cr = &creation{instr: instr, rule: r, ctor: passutil.FuncName(callee), typ: passutil.TypeName(res.At(0).Type()), key: key}
		if res.Len() == 1 {
			if used(instr) {
				cr.root = instr
			}
		} else {
			var aliases []int
			if _, isRule := resources.Rules[apimatch.Key(callee)]; !isRule && !instr.Call.IsInvoke() {
				aliases = c.aliasesOf(callee, instr.Call.StaticCallee())
			}
			for _, ref := range *instr.Referrers() {
				if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 && used(e) {
					cr.root = e
				} else if ok && slices.Contains(aliases, e.Index) {
					cr.aliases = append(cr.aliases, e)
				}
			}
			if cr.root == nil && len(cr.aliases) > 0 {
				// _, adm := createClients(): the admin holds the client.
				cr.root, cr.aliases = cr.aliases[0], cr.aliases[1:]
			}
			cr.err = ssaflow.ErrorOf(instr)
		}
		if o == (owned{}) {
			cr.own = passutil.TypePkg(res.At(0).Type())
		} else {
			cr.noFix = !releaseTakesNothing(res.At(0).Type(), r.Release[0])
		}
	case *ssa.Alloc:
		ptr, ok := instr.Type().(*types.Pointer)
		if !ok || (instr.Comment != "complit" && instr.Comment != "new") {
			return
		}
		if _, ok := ptr.Elem().(*types.Pointer); ok {
			return
		}
		key := apimatch.TypeKey(ptr.Elem())
		r, ok := resources.Literals[key]
		if !ok || !used(instr) {
			return
		}
		t := passutil.TypeName(ptr.Elem())
		cr = &creation{instr: instr, root: instr, rule: r, ctor: "&" + t + "{}", typ: t, key: key, own: passutil.TypePkg(ptr.Elem())}
	default:
		return
	}
	if cr.root == nil {
		if resources.StorageWriters[cr.key] && !resources.OpenWriters[cr.key] {
			return // a writer opens on its first Write: a discarded one holds nothing
		}
		if assertsFailure(cr.err) {
			return // a test requiring the constructor to fail: the value is nil there
		}
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos: c.exprRange(instr.Pos()).Pos(), End: c.exprRange(instr.Pos()).End(),
			Message: fmt.Sprintf("%s from %s is discarded without being closed (%s)", cr.typ, cr.ctor, cr.rule.Leaks),
		})
		return
	}
	if assertedNil(cr.root) {
		return // a test requiring the constructor to fail asserts the value is nil
	}
	c.checkResource(fn, cr)
}

// used reports whether v has a referrer other than debug information.
func used(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// A usage is the ownership engine's classification of the uses of one
// tracked value, with the errors of a storage.Writer's own Write calls
// (see writeErrors) and those of calls that cannot fail (see
// infallibleProducers).
type usage struct {
	*owner.Usage
	writeErrs  []ssa.Value
	infallible []ssa.Value
}

// leakPath returns a path from start (nil: fn's entry) to a return of fn
// that does not release the value, or nil; errv is the constructor's
// error result, if any.
func (c *checker) leakPath(fn *ssa.Function, start ssa.Instruction, a *usage, errv ssa.Value) *ssaflow.Path {
	errs := slices.Concat(a.writeErrs, a.infallible)
	if errv != nil {
		errs = append([]ssa.Value{errv}, errs...)
	}
	return c.own.LeakPath(fn, start, a.Usage, errs)
}

// failingCall returns the call whose failure path p takes: the call
// whose error a branch of p finds non-nil, or a call that keeps the value
// only when it succeeds and whose error p's return passes on.
func failingCall(p *ssaflow.Path, a *usage) *ssa.Call {
	if fc := ssaflow.FailingCall(p); fc != nil {
		return fc
	}
	return owner.CondHandoffCall(p, a.Usage)
}

// leakAfterUse returns a path from a call using the value, or from a
// closure capturing it (it may be called from there on), to a return of
// fn that does not release it, or nil.
func (c *checker) leakAfterUse(fn *ssa.Function, a *usage) *ssaflow.Path {
	for _, in := range slices.Concat(a.Calls, a.Captures) {
		if p := c.leakPath(fn, in, a, nil); p != nil {
			return p
		}
	}
	return nil
}

func (c *checker) checkResource(fn *ssa.Function, cr *creation) {
	roots := append([]ssa.Value{cr.root}, cr.aliases...)
	a := &usage{Usage: c.own.Analyse(fn, roots, owner.Query{Release: cr.rule.Release, Own: cr.own, OnSuccess: true})}
	if !closureHandoffs(fn, cr.instr, a.Usage) {
		return // handed off inside a closure that may run on any path
	}
	if resources.ContextBound[cr.key] {
		// A writer whose context is cancelled when the function returns
		// is aborted by the library on every path, and a reader's
		// response body is closed by the transport: no leak.
		if call, ok := cr.instr.(*ssa.Call); ok && len(call.Call.Args) > 1 && c.cancelledOnReturn(fn, call.Call.Args[1]) {
			return
		}
	}
	if resources.StorageWriters[cr.key] {
		if !resources.OpenWriters[cr.key] {
			r := cr.rule
			r.Leaks = storageLeaks(r.Leaks, a)
			cr.rule = r
		}
		a.writeErrs = writeErrors(a)
	}
	// A producer built over the client that cannot fail: its failure
	// path is never taken.
	a.infallible = c.infallibleProducers(fn, cr, a)
	name := c.varName(cr.instr.Pos())
	subject := cr.typ
	if name != "" {
		subject += " " + name
	}
	rng := c.exprRange(cr.instr.Pos())
	if !resources.StorageWriters[cr.key] && !resources.CloseFreesNothing(cr.key, cr.root.Type()) {
		if f := c.forgottenField(a, cr.rule.Release); f != nil {
			passutil.Report(c.pass, analysis.Diagnostic{
				Pos: rng.Pos(), End: rng.End(),
				Message: fmt.Sprintf("%s from %s is stored in %s.%s, which nothing closes: %s does not close it, and the package only calls methods on the field (%s)",
					cr.typ, cr.ctor, f.owner.Obj().Name(), f.field.Name(), passutil.FuncName(f.close), cr.rule.Leaks),
				Related: []analysis.RelatedInformation{{Pos: f.close.Pos(), Message: "close it here"}},
			})
			return
		}
	}
	start := cr.instr.Block()

	// A deferred release in the loop that creates the value.
	var loopDefers []*ssa.Defer
	for in := range a.Releases {
		if d, ok := in.(*ssa.Defer); ok && d.Parent() == fn && ssaflow.Reaches(d.Block(), start) &&
			(d.Block() == start || ssaflow.Reaches(start, d.Block())) {
			loopDefers = append(loopDefers, d)
		}
	}
	if len(loopDefers) > 0 {
		sort.Slice(loopDefers, func(i, j int) bool { return loopDefers[i].Pos() < loopDefers[j].Pos() })
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos: rng.Pos(), End: rng.End(),
			Message: fmt.Sprintf("%s from %s is closed by a defer inside the loop that creates it: every iteration's value stays open until the function returns (%s)",
				subject, cr.ctor, cr.rule.Leaks),
			Related: []analysis.RelatedInformation{{Pos: loopDefers[0].Pos(), Message: "deferred here; close it at the end of each iteration instead"}},
		})
		return
	}

	p := c.leakPath(fn, cr.instr, a, cr.err)
	if p != nil && (resources.IdleUntilUsed[cr.key] || resources.StartsOnUse[cr.key]) {
		// Only a path on which the value has been used leaks anything.
		p = c.leakAfterUse(fn, a)
	}
	if p == nil || (p.Again && a.Carried) {
		return
	}
	if p.Again {
		passutil.Report(c.pass, analysis.Diagnostic{
			Pos: rng.Pos(), End: rng.End(),
			Message: fmt.Sprintf("%s from %s is not closed before the loop creates the next one (%s)", subject, cr.ctor, cr.rule.Leaks),
		})
		return
	}
	exitPos := p.Exit.Pos()
	if !exitPos.IsValid() {
		exitPos = endOf(fn)
	}
	what := "leaks"
	if name != "" {
		what = name + " leaks"
	}
	related := []analysis.RelatedInformation{{Pos: exitPos, Message: what + " when the function returns here"}}
	d := analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Related: related}
	if len(a.Releases) == 0 && len(a.Handoffs) == 0 && len(a.CondHandoffs) == 0 {
		d.Message = fmt.Sprintf("%s from %s is never closed (%s)", subject, cr.ctor, cr.rule.Leaks)
		if fix := c.fix(cr, name); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	} else if fc := failingCall(p, a); fc != nil && callName(fc, a, name) != "" {
		d.Message = fmt.Sprintf("%s from %s is not closed when %s fails (%s)", subject, cr.ctor, callName(fc, a, name), cr.rule.Leaks)
	} else {
		d.Message = fmt.Sprintf("%s from %s is not closed on every path (%s)", subject, cr.ctor, cr.rule.Leaks)
	}
	passutil.Report(c.pass, d)
}

// closureHandoffs moves the hand-offs of u made inside closures of fn to
// the instructions of fn that make those closures: a closure can hand
// off the value only on the paths of fn that make it, so the paths that
// do not still leak it (kafkactl stores its client in a struct inside the
// closures an errgroup runs, after a return that leaves it open). It
// reports false, and the value is not judged, when such a closure is not
// made by fn itself, or is made where it may run before the value exists:
// before its creation, or in a loop around it.
func closureHandoffs(fn *ssa.Function, created ssa.Instruction, u *owner.Usage) bool {
	// The closures of fn, directly in it, holding a hand-off.
	closures := map[*ssa.Function]bool{}
	for in := range u.Handoffs {
		g := in.Parent()
		if g == fn {
			continue
		}
		for g != nil && g.Parent() != fn {
			g = g.Parent()
		}
		if g == nil {
			return false
		}
		closures[g] = true
	}
	if len(closures) == 0 {
		return true
	}
	makers := map[ssa.Instruction]bool{}
	made := map[*ssa.Function]bool{}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || !closures[mc.Fn.(*ssa.Function)] {
				continue
			}
			if !madeAfter(created, mc) {
				return false
			}
			makers[mc] = true
			made[mc.Fn.(*ssa.Function)] = true
		}
	}
	if len(made) < len(closures) {
		return false
	}
	for in := range u.Handoffs {
		if in.Parent() != fn {
			delete(u.Handoffs, in)
		}
	}
	for mc := range makers {
		u.Handoffs[mc] = true
	}
	return true
}

// madeAfter reports whether in runs only after created: it follows it,
// and no path leads from it back to created.
func madeAfter(created, in ssa.Instruction) bool {
	if ssaflow.Reaches(in.Block(), created.Block()) {
		return false
	}
	if in.Block() == created.Block() {
		return ssaflow.Index(created) < ssaflow.Index(in)
	}
	return ssaflow.Reaches(created.Block(), in.Block())
}

// shortKey shortens a constructor key to its package name:
// "github.com/twmb/franz-go/pkg/kgo.NewClient" becomes "kgo.NewClient",
// "(*cloud.google.com/go/storage.ObjectHandle).NewReader"
// "(*storage.ObjectHandle).NewReader".
func shortKey(k string) string {
	open := ""
	for _, p := range []string{"(*", "("} {
		if strings.HasPrefix(k, p) {
			open, k = p, k[len(p):]
			break
		}
	}
	dot := strings.LastIndex(k, ".")
	if i := strings.LastIndex(k[:max(dot, 0)], "/"); i >= 0 {
		k = k[i+1:]
	}
	return open + k
}

// releaseTakesNothing reports whether the method release of t has no
// parameters, so that "defer x.Close()" compiles.
func releaseTakesNothing(t types.Type, release string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, release)
	m, _ := obj.(*types.Func)
	return m != nil && m.Type().(*types.Signature).Params().Len() == 0
}
