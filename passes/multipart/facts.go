package multipart

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/memlint/memlint/internal/passutil"
)

// formFact describes what a function does with the multipart forms held by
// its parameters (a *multipart.Form, an *http.Request, a gin or echo
// context); indexes are into the signature's parameters.
//
// Removes lists parameters whose form the function removes (calls
// RemoveAll, directly or through another function with this fact).
// Parses lists parameters whose form a helper (not a handler) parses
// without removing it, leaving the cleanup to its caller.
type formFact struct {
	Removes passutil.Params
	Parses  passutil.Params
}

func (*formFact) AFact() {}

func (f *formFact) String() string {
	return passutil.JoinFacts(f.Removes.Format("removesForm"), f.Parses.Format("parsesForm"))
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
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		k, ok := kindOf(p.Type())
		if !ok {
			continue
		}
		o := &owner{v: p, kind: k}
		c.collectFormAliases(d.Body, o)
		removes, parses := c.releasesIn(d.Body, o), c.parses(d.Body, o)
		switch {
		case removes && !parses:
			fact.Removes = append(fact.Removes, i)
		case parses && !removes && helper && k != formOwner:
			fact.Parses = append(fact.Parses, i)
		}
	}
	var old formFact
	had := c.pass.ImportObjectFact(fn, &old)
	if len(fact.Removes)+len(fact.Parses) == 0 ||
		(had && slices.Equal(old.Removes, fact.Removes) && slices.Equal(old.Parses, fact.Parses)) {
		return false
	}
	c.pass.ExportObjectFact(fn, &fact)
	return true
}
