package ssaflow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/memlint/memlint/internal/ssaflow"
)

const src = `package p

import "io"

type R struct{}

func (*R) Close() error { return nil }
func (*R) Write() error  { return nil }

func open() (*R, error) { return &R{}, nil }

func sink(io.Closer) {}

// closed on every path, through a phi, an interface and a captured variable
func aliases(c bool) {
	r, err := open()
	if err != nil {
		return
	}
	var x io.Closer = r
	if c {
		x = nil
	}
	defer func() { r.Close() }()
	_ = x
}

// leaks when Write fails
func leaks() error {
	r, err := open()
	if err != nil {
		return err
	}
	if err := r.Write(); err != nil {
		return err
	}
	return r.Close()
}

// a panic is not an exit
func panics() {
	r, _ := open()
	if r.Write() != nil {
		panic("x")
	}
	r.Close()
}

// each iteration creates a new one
func loop(n int) {
	for i := 0; i < n; i++ {
		r, _ := open()
		r.Write()
	}
}

// stored into a varargs array
func varargs() {
	r, _ := open()
	many(r)
}

func many(cs ...io.Closer) {}

// stored into a field of a struct literal
func fields() any {
	r, _ := open()
	return &struct{ c io.Closer }{r}
}
`

func build(t *testing.T) *ssa.Package {
	t.Helper()
	return buildSource(t, src)
}

// buildSource builds the SSA form of package p from one source file.
func buildSource(t *testing.T, src string) *ssa.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// opened returns the call of open in fn and the value it returns.
func opened(t *testing.T, fn *ssa.Function) (*ssa.Call, ssa.Value) {
	t.Helper()
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Name() != "open" {
				continue
			}
			for _, r := range *call.Referrers() {
				if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
					return call, e
				}
			}
		}
	}
	t.Fatalf("no call of open in %s", fn)
	return nil, nil
}

// closes reports whether in calls Close on a tracked value.
func closes(flow *ssaflow.Flow) func(ssa.Instruction) bool {
	return func(in ssa.Instruction) bool {
		ci, ok := in.(ssa.CallInstruction)
		if !ok {
			return false
		}
		c := ci.Common()
		if c.IsInvoke() {
			return c.Method.Name() == "Close" && flow.Tracked(c.Value)
		}
		if f := c.StaticCallee(); f != nil && f.Name() == "Close" && len(c.Args) > 0 && flow.Tracked(c.Args[0]) {
			return true
		}
		// a call or defer of a closure that closes a tracked free variable
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			for _, b := range mc.Fn.(*ssa.Function).Blocks {
				for _, in := range b.Instrs {
					if inner, ok := in.(ssa.CallInstruction); ok && inner != ci && closesDirect(flow, inner) {
						return true
					}
				}
			}
		}
		return false
	}
}

func closesDirect(flow *ssaflow.Flow, ci ssa.CallInstruction) bool {
	c := ci.Common()
	f := c.StaticCallee()
	return f != nil && f.Name() == "Close" && len(c.Args) > 0 && flow.Tracked(c.Args[0])
}

func errPrune(call *ssa.Call) func(*ssa.BasicBlock, int) bool {
	errv := ssaflow.ErrorOf(call)
	return func(b *ssa.BasicBlock, i int) bool {
		nonNil, _, ok := ssaflow.NilBranch(b, func(v ssa.Value) bool { return v == errv })
		return ok && i == nonNil
	}
}

func TestTrackAliases(t *testing.T) {
	pkg := build(t)
	fn := pkg.Func("aliases")
	call, r := opened(t, fn)
	flow := ssaflow.Track([]ssa.Value{r}, nil)
	var iface, freeVar, cell bool
	for v := range flow.Values {
		switch v.(type) {
		case *ssa.MakeInterface:
			iface = true
		case *ssa.FreeVar:
			t.Errorf("free variable %s tracked as a value; r is captured by reference", v)
		}
	}
	for v := range flow.Cells {
		switch v.(type) {
		case *ssa.Alloc:
			cell = true
		case *ssa.FreeVar:
			freeVar = true
		}
	}
	if !iface || !cell || !freeVar {
		t.Errorf("aliases: interface %v, variable %v, closure free variable %v; want all", iface, cell, freeVar)
	}
	if p := ssaflow.FindExit(call, closes(flow), errPrune(call)); p != nil {
		t.Errorf("FindExit found a leak at %v; the deferred closure closes r on every path", p.Exit)
	}
	if p := ssaflow.FindExit(call, closes(flow), nil); p == nil {
		t.Error("FindExit without pruning found no path; the err != nil return should leak")
	}
}

func TestFindExitAndFailingCall(t *testing.T) {
	pkg := build(t)
	fn := pkg.Func("leaks")
	call, r := opened(t, fn)
	flow := ssaflow.Track([]ssa.Value{r}, nil)
	p := ssaflow.FindExit(call, closes(flow), errPrune(call))
	if p == nil || p.Again {
		t.Fatalf("FindExit = %+v, want a path to the return after Write fails", p)
	}
	fc := ssaflow.FailingCall(p)
	if fc == nil || fc.Call.StaticCallee().Name() != "Write" {
		t.Errorf("FailingCall = %v, want the call of Write", fc)
	}
}

func TestPanicIsNotAnExit(t *testing.T) {
	pkg := build(t)
	fn := pkg.Func("panics")
	call, r := opened(t, fn)
	flow := ssaflow.Track([]ssa.Value{r}, nil)
	if p := ssaflow.FindExit(call, closes(flow), nil); p != nil {
		t.Errorf("FindExit = %+v, want nil: the only unclosed path panics", p)
	}
}

func TestAgainInLoop(t *testing.T) {
	pkg := build(t)
	fn := pkg.Func("loop")
	call, r := opened(t, fn)
	flow := ssaflow.Track([]ssa.Value{r}, nil)
	p := ssaflow.FindExit(call, closes(flow), nil)
	if p == nil || !p.Again {
		t.Errorf("FindExit = %+v, want a path back to the creation", p)
	}
	if !ssaflow.Reaches(call.Block(), call.Block()) {
		t.Error("Reaches(b, b) = false for the loop body")
	}
	entry := fn.Blocks[0]
	if ssaflow.Reaches(entry, entry) {
		t.Error("Reaches(entry, entry) = true; the entry is in no loop")
	}
}

func TestContainers(t *testing.T) {
	pkg := build(t)
	_, r := opened(t, pkg.Func("varargs"))
	flow := ssaflow.Track([]ssa.Value{r}, nil)
	if len(flow.Containers) == 0 {
		t.Fatal("varargs array not tracked as a container")
	}
	var passed bool
	for _, u := range flow.Uses {
		if c, ok := u.Instr.(*ssa.Call); ok && c.Call.StaticCallee() != nil && c.Call.StaticCallee().Name() == "many" {
			passed = true
		}
	}
	if !passed {
		t.Error("the call of many is not a use of the container")
	}

	_, r = opened(t, pkg.Func("fields"))
	without := ssaflow.Track([]ssa.Value{r}, nil)
	with := ssaflow.Track([]ssa.Value{r}, &ssaflow.Options{Fields: true})
	if len(without.Containers) != 0 {
		t.Error("struct literal tracked as a container without Options.Fields")
	}
	var returned bool
	for _, u := range with.Uses {
		if _, ok := u.Instr.(*ssa.Return); ok {
			returned = true
		}
	}
	if len(with.Containers) == 0 || !returned {
		t.Errorf("with Options.Fields: containers %v, returned %v; want the literal returned", with.Containers, returned)
	}
}

func TestFollow(t *testing.T) {
	pkg := build(t)
	_, r := opened(t, pkg.Func("varargs"))
	var followed int
	ssaflow.Track([]ssa.Value{r}, &ssaflow.Options{Follow: func(u ssaflow.Use) []ssa.Value {
		followed++
		return nil
	}})
	if followed == 0 {
		t.Error("Follow never called")
	}
}
