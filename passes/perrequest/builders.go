package perrequest

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/internal/ssaflow"
)

// Builders: a function that builds a fresh client and returns it, or a
// value holding it (func NewSSRFSafeHTTPClient() *http.Client { return
// &http.Client{Transport: &http.Transport{...}} }, memos' s3.NewClient
// returning &Client{Client: s3.NewFromConfig(cfg)}), builds one at each
// call: its calls on a hot path are judged like the constructor's own, in
// its package and, through a fact, in others.

// buildsFact marks a builder.
type buildsFact struct {
	Ctor    string   // the constructor or literal it calls: "&http.Transport{}"
	Costs   string   // what each client sets up (resources.Client.Costs)
	Direct  bool     // the result is the client itself, not a value holding it
	Key     string   // the constructor's key, when Direct
	Literal bool     // the client is a literal, when Direct
	Release []string // the client's release methods, when Direct
}

func (*buildsFact) AFact() {}

func (f *buildsFact) String() string {
	s := "builds(" + f.Ctor
	if f.Direct {
		s += ", direct"
	}
	return s + ")"
}

// builds returns the fact of callee, a builder, or nil. fn is its SSA
// function when callee is of this package.
func (c *checker) builds(callee *types.Func, fn *ssa.Function) *buildsFact {
	if callee == nil {
		return nil
	}
	if fn != nil && fn.Pkg != nil && fn.Pkg.Pkg == c.pass.Pkg && len(fn.Blocks) > 0 {
		return c.builderOf(fn)
	}
	if fn != nil && ssabuild.Elided(c.pass, fn) {
		return nil
	}
	var f buildsFact
	if c.pass.ImportObjectFact(callee.Origin(), &f) {
		return &f
	}
	return nil
}

// builderOf memoizes buildsOf for the functions of this package.
func (c *checker) builderOf(fn *ssa.Function) *buildsFact {
	if f, ok := c.builders[fn]; ok {
		return f
	}
	c.builders[fn] = nil // recursion: not a builder
	f := c.buildsOf(fn)
	c.builders[fn] = f
	return f
}

// buildsOf returns the fact of fn when it is a builder: a named function
// (not a closure, test or generated code) that creates a client and hands
// it to no one but its callers: every use of the client, or of a local
// struct it is stored into, that may keep it is a return of fn, and every
// return of a non-nil first result returns it or a value fn allocates
// there (homebox's createProxyClient returns a gRPC connection's wrapper
// for one protocol and a fresh HTTP client's for the other: which it
// builds is configuration). A function that may return a client it did
// not create (a cache: if c.client != nil { return c.client }; a default:
// return http.DefaultClient), or that also stores it, is no builder.
func (c *checker) buildsOf(fn *ssa.Function) *buildsFact {
	if fn.Parent() != nil || fn.Synthetic != "" || fn.Object() == nil || fn.Signature.Results().Len() == 0 || c.skipFile(fn.Pos()) {
		return nil
	}
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			rets = append(rets, ret)
		}
	}
	if len(rets) == 0 {
		return nil
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			cr := c.creationOf(instr)
			if cr == nil || cr.root == nil || cr.call != nil && perCallerCredentials(cr.call) {
				continue
			}
			u := c.own.Analyse(fn, []ssa.Value{cr.root}, ownership.Query{Own: cr.own, Fields: true})
			if len(u.Handoffs) == 0 || len(u.Releases) > 0 {
				continue
			}
			ok := true
			for in := range u.Handoffs {
				if ret, isRet := in.(*ssa.Return); !isRet || ret.Parent() != fn {
					ok = false
				}
			}
			for _, ret := range rets {
				v := ret.Results[0]
				if k, isConst := v.(*ssa.Const); isConst && k.IsNil() {
					continue
				}
				if !u.Handoffs[ret] && !freshIn(fn, v) {
					ok = false // it returns something else there
				}
			}
			if !ok {
				continue
			}
			c.builtAt[fn] = instr.Pos() // the key of c.nodes
			if cr.builtAt.IsValid() {
				c.builtAt[fn] = cr.builtAt
			}
			f := &buildsFact{Ctor: strings.TrimSuffix(cr.ctor, ","), Costs: cr.client.Costs}
			if cr.built != nil {
				f.Ctor = cr.built.Ctor
			}
			direct := cr.built == nil || cr.built.Direct // a builder's holder stays one
			for _, ret := range rets {
				v := ret.Results[0]
				if k, isConst := v.(*ssa.Const); !(isConst && k.IsNil()) && !types.Identical(v.Type(), cr.root.Type()) {
					direct = false // a value holding the client
				}
			}
			if direct {
				f.Direct, f.Key, f.Literal, f.Release = true, cr.key, cr.literal, cr.client.Release
			}
			return f
		}
	}
	return nil
}

// freshIn reports whether v is a value fn allocates (&wrapper{...},
// new(T)), possibly converted to an interface.
func freshIn(fn *ssa.Function, v ssa.Value) bool {
	a, ok := ssaflow.Unconvert(v).(*ssa.Alloc)
	return ok && a.Heap && a.Parent() == fn
}
