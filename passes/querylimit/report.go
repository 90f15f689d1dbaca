package querylimit

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/passutil"
)

// report reports rows accumulated with no bound (note); belief, if set,
// says why the pass believes the result grows.
func (c *checker) report(call *ssa.Call, acc *accum, note string, belief ...string) {
	rng := c.node(call)
	if rng == nil {
		return
	}
	if c.capture {
		// In a generated function: kept for its fact, reported at the
		// calls in user code.
		b := ""
		if len(belief) > 0 {
			b = belief[0]
		}
		if c.captured == nil {
			c.captured = &captured{note: note, belief: b}
		}
		return
	}
	msg := fmt.Sprintf("every row of this query is %s (%s); page it or stream rows", acc.what, note)
	if len(belief) > 0 && belief[0] != "" {
		sep := " "
		if strings.HasPrefix(belief[0], "since ") {
			sep = ", " // a reason, not a condition
		}
		msg += sep + belief[0]
	}
	d := analysis.Diagnostic{
		Pos:     rng.Pos(),
		End:     rng.End(),
		Message: msg,
	}
	if acc.pos.IsValid() && acc.pos != call.Pos() {
		d.Related = []analysis.RelatedInformation{{Pos: acc.pos, Message: "rows accumulated here"}}
	}
	c.emit(d)
}

// node returns the call expression of an SSA call.
func (c *checker) node(call *ssa.Call) analysis.Range {
	if n, ok := c.calls[call.Pos()]; ok {
		return n
	}
	return nil
}

func (c *checker) reportf(call *ssa.Call, format string, args ...any) {
	if rng := c.node(call); rng != nil {
		c.emit(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
	}
}

// emit reports d once (a query with several possible texts is checked once
// per text) and never while collecting facts.
// captured is the unbounded-rows finding of a generated function.
type captured struct{ note, belief string }

func (c *checker) emit(d analysis.Diagnostic) {
	if c.collecting || c.capture {
		return
	}
	key := fmt.Sprint(d.Pos, d.Message)
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	passutil.Report(c.pass, d)
}
