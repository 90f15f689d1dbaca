package unclosed

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	owner "github.com/memlint/memlint/internal/ownership"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/resources"
	"github.com/memlint/memlint/internal/ssabuild"
)

// ownership is what a function does with the resources passed as its
// parameters. In this package's summaries the indices are SSA parameters
// (a method's receiver is 0, as in the call's SSA arguments); the fact
// exported uses memlint's one convention, signature parameters with the
// receiver excluded (see sigFact and ssaIndices).
type ownership struct {
	Closes  passutil.Params // releases the parameter on every path
	Retains passutil.Params // stores it, hands it to a goroutine, or releases it on some paths only
	Returns passutil.Params // returns it, or a value wrapping it
	// Constructs is the key of the tracked constructor (sarama.NewClient)
	// whose fresh value the function returns as its first result: a
	// constructor wrapper, whose calls create that resource.
	Constructs string
}

func (*ownership) AFact() {}

func (o *ownership) String() string {
	constructs := ""
	if o.Constructs != "" {
		constructs = "constructs(" + o.Constructs + ")"
	}
	return passutil.JoinFacts(o.Closes.Format("closes"), o.Retains.Format("retains"), o.Returns.Format("returns"), constructs)
}

func (o *ownership) empty() bool {
	return len(o.Closes) == 0 && len(o.Retains) == 0 && len(o.Returns) == 0 && o.Constructs == ""
}

// shift returns o with every index moved by d, dropping those that fall
// below 0 (a method's receiver, which facts do not name).
func (o *ownership) shift(d int) *ownership {
	move := func(p passutil.Params) passutil.Params {
		var out passutil.Params
		for _, i := range p {
			if i+d >= 0 {
				out = append(out, i+d)
			}
		}
		return out
	}
	return &ownership{Closes: move(o.Closes), Retains: move(o.Retains), Returns: move(o.Returns), Constructs: o.Constructs}
}

// sigFact returns the fact to export for fn's summary o: indices of the
// signature's parameters, receiver excluded.
func sigFact(fn *ssa.Function, o *ownership) *ownership {
	if fn.Signature.Recv() != nil {
		return o.shift(-1)
	}
	return o
}

// ssaIndices returns an imported fact of callee with SSA indices.
func ssaIndices(callee *ssa.Function, o *ownership) *ownership {
	if callee.Signature.Recv() != nil {
		return o.shift(1)
	}
	return o
}

// ownershipOf returns what callee does with its parameters: from a
// summary for a function of this package, from a fact otherwise.
func (c *checker) ownershipOf(callee *ssa.Function, obj *types.Func) *ownership {
	if callee.Pkg != nil && callee.Pkg.Pkg == c.pass.Pkg && len(callee.Blocks) > 0 {
		return c.summary(callee)
	}
	if ssabuild.Elided(c.pass, callee) {
		// A huge generated function whose body was not built: what it
		// does with its arguments is unknown, so assume it keeps them.
		o := &ownership{}
		for i := range callee.Params {
			o.Retains = append(o.Retains, i)
		}
		return o
	}
	if obj == nil {
		return nil
	}
	var o ownership
	if c.pass.ImportObjectFact(obj.Origin(), &o) {
		return ssaIndices(callee, &o)
	}
	return nil
}

// summary computes the ownership of fn's parameters.
func (c *checker) summary(fn *ssa.Function) (o *ownership) {
	if o := c.summaries[fn]; o != nil {
		return o
	}
	if c.inProgress[fn] {
		return &ownership{} // recursion: assume plain use
	}
	c.inProgress[fn] = true
	defer func() {
		delete(c.inProgress, fn)
		if r := recover(); r != nil {
			// A summary is an optimisation of precision; never let one
			// function (in any dependency) break the whole analysis.
			o = &ownership{}
		}
		c.summaries[fn] = o
	}()
	o = &ownership{}
	if len(fn.Blocks) == 0 {
		return o
	}
	o.Constructs = c.wrapperKey(fn)
	for i, p := range fn.Params {
		if !mayHoldResource(p.Type()) {
			continue
		}
		// A function of the resource's own library given the value
		// only uses it (sarama's FromClient constructors wrap the
		// client; closing what they return leaves it open).
		var own *types.Package
		if pkg := passutil.TypePkg(p.Type()); pkg != nil && resources.IsLibrary(apimatch.PkgPath(pkg)) {
			own = pkg
		}
		a := c.analyse(fn, []ssa.Value{p}, allReleases, own, true)
		switch {
		case len(a.handoffs) > 0:
			o.Retains = append(o.Retains, i)
			continue
		case len(a.releases) > 0:
			if c.leakPath(fn, nil, a, nil) == nil {
				o.Closes = append(o.Closes, i)
			} else {
				o.Retains = append(o.Retains, i)
			}
		}
		if a.returned {
			o.Returns = append(o.Returns, i)
		}
	}
	return o
}

// mayHoldResource reports whether a parameter of type t is worth a
// summary (internal/ownership's rule, shared with perrequest).
func mayHoldResource(t types.Type) bool { return owner.MayHold(t) }
