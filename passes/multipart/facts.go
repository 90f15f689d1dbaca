package multipart

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/memlint/memlint/internal/passutil"
)

// formFact lists the parameters (a *multipart.Form, an *http.Request, a
// gin or echo context; signature indices, receiver excluded) whose form a
// helper (not a handler) parses without removing it, leaving the cleanup
// to its caller. Whether a function removes the form of a parameter is
// the ownership engine's fact (internal/ownership, removesForm), as for
// every release memlint knows.
type formFact struct {
	Parses passutil.Params
}

func (*formFact) AFact() {}

func (f *formFact) String() string {
	return f.Parses.Format("parsesForm")
}

// exportFact computes and exports the formFact of d; it reports whether
// the fact changed.
func (c *checker) exportFact(d *ast.FuncDecl) bool {
	fn, _ := c.pass.TypesInfo.Defs[d.Name].(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	helper := !c.ownsRequest(d) // a handler owns its request (see ownsRequest)
	var fact formFact
	removes := c.removesForm(fn)
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		k, ok := kindOf(p.Type())
		if !ok {
			continue
		}
		o := &owner{v: p, kind: k}
		c.collectFormAliases(d.Body, o)
		if helper && k != formOwner && !removes.Has(i) && c.parses(d.Body, o) {
			fact.Parses = append(fact.Parses, i)
		}
	}
	var old formFact
	had := c.pass.ImportObjectFact(fn, &old)
	if len(fact.Parses) == 0 || (had && slices.Equal(old.Parses, fact.Parses)) {
		return false
	}
	c.pass.ExportObjectFact(fn, &fact)
	return true
}

// removesForm returns the parameters of fn whose multipart form it
// removes, from the ownership engine.
func (c *checker) removesForm(fn *types.Func) passutil.Params {
	if f := c.own.OfFunc(fn); f != nil {
		return f.RemovesForm
	}
	return nil
}
