package unclosed

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/ssaflow"
)

// A sarama producer built over a client (NewSyncProducerFromClient,
// NewAsyncProducerFromClient) fails only when the client is closed, when
// the config asks for an idempotent producer and the broker refuses it a
// producer ID (the transaction manager's InitProducerID), or, for the
// sync producer, when the config's Producer.Return.Successes or
// Producer.Return.Errors is false (verifyProducerConfig; the same from
// Shopify's v1.23 to IBM's v1.61, and v1.8 sets both itself). Over a client the function
// has just built from a config it has just made, none of these can happen
// when the function sets Return.Successes and nothing sets Idempotent, so
// "the client is not closed when the producer constructor fails" would
// point at a path that is never taken (minio's Kafka targets).

const saramaPkg = "github.com/IBM/sarama" // apimatch.Path folds Shopify's into it

// infallibleProducers returns the error results of the calls in fn that
// build a sarama producer over the client cr creates and cannot fail: the
// client comes from sarama.NewClient(addrs, cfg) with cfg the result of
// sarama.NewConfig() in fn, cfg goes nowhere its producer settings could
// be changed (only its fields are set, it is passed to sarama or to
// functions of the package that do the same, or stored), no code of the
// package sets Producer.Idempotent to anything but false or
// Producer.Return.Successes or Errors to anything but true, and, for a
// sync producer, fn sets cfg.Producer.Return.Successes = true before the
// call on every path (NewConfig leaves it false and Errors true).
func (c *checker) infallibleProducers(fn *ssa.Function, cr *creation, a *usage) []ssa.Value {
	call, ok := cr.instr.(*ssa.Call)
	if !ok || cr.key != saramaPkg+".NewClient" || len(call.Call.Args) != 2 {
		return nil
	}
	cfg, ok := call.Call.Args[1].(*ssa.Call)
	if !ok || cfg.Parent() != fn || calleeKey(cfg) != saramaPkg+".NewConfig" || !c.confinedConfig(cfg, 0) {
		return nil
	}
	var errs []ssa.Value
	for v := range a.Values {
		for _, ref := range *v.Referrers() {
			p, ok := ref.(*ssa.Call)
			if !ok || p.Parent() != fn || len(p.Call.Args) != 1 || p.Call.Args[0] != v {
				continue
			}
			switch calleeKey(p) {
			case saramaPkg + ".NewSyncProducerFromClient":
				if !setsSuccesses(cfg, p) {
					continue
				}
			case saramaPkg + ".NewAsyncProducerFromClient":
			default:
				continue
			}
			if !c.producerSettingsSafe() {
				return nil
			}
			if e := ssaflow.ErrorOf(p); e != nil {
				errs = append(errs, e)
			}
		}
	}
	return errs
}

// confinedConfig reports whether v, a *sarama.Config or a pointer into
// one, goes nowhere its producer settings could be changed out of sight:
// its fields are read or set (the package-wide check covers the stores),
// it is stored, passed to sarama, or, itself and not a pointer into it,
// passed to a function of the package whose parameter is confined in turn
// (depth at most 3).
func (c *checker) confinedConfig(v ssa.Value, depth int) bool {
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.DebugRef:
		case *ssa.FieldAddr:
			if !c.confinedConfig(ref, depth) {
				return false
			}
		case *ssa.UnOp:
			// A load of a field (a copy) or of the config.
		case *ssa.Store:
			// Setting a field (checked package-wide) or keeping the
			// config (the package's own stores are checked too).
		case ssa.CallInstruction:
			common := ref.Common()
			if common.IsInvoke() {
				return false
			}
			callee := common.StaticCallee()
			if callee == nil {
				return false
			}
			if callee.Origin() != nil {
				callee = callee.Origin()
			}
			if callee.Pkg != nil && apimatch.Path(callee.Pkg.Pkg.Path()) == saramaPkg {
				continue
			}
			if callee.Pkg != c.pkg || depth >= 3 || len(callee.Blocks) == 0 || !isSaramaConfig(v.Type()) {
				// Only the config itself: the stores through a parameter
				// of Producer's unnamed type would escape the package-wide
				// check.
				return false
			}
			for i, arg := range common.Args {
				if arg != v {
					continue
				}
				if i >= len(callee.Params) || !c.confinedConfig(callee.Params[i], depth+1) {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// producerSettingsSafe reports whether no code of the package sets a
// sarama config's Producer.Idempotent to anything but the constant false,
// nor its Producer.Return.Successes or Errors to anything but the
// constant true, nor overwrites the config, its Producer or its Return
// as a whole. It is computed once per package.
func (c *checker) producerSettingsSafe() bool {
	if c.producerSafe == 0 {
		c.producerSafe = 1
		for _, fn := range append(c.funcs, c.init) {
			if fn == nil {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok && !safeProducerStore(st) {
						c.producerSafe = 2
						return false
					}
				}
			}
		}
	}
	return c.producerSafe == 1
}

// safeProducerStore reports whether st leaves the producer settings of
// any sarama config as producerSettingsSafe requires.
func safeProducerStore(st *ssa.Store) bool {
	path, ok := configPath(st.Addr)
	if !ok {
		return true
	}
	switch {
	case len(path) == 0, len(path) == 1 && path[0] == "Producer", len(path) == 2 && path[0] == "Producer" && path[1] == "Return":
		return false // the config, its Producer or its Return as a whole
	case len(path) == 2 && path[0] == "Producer" && path[1] == "Idempotent":
		return isBoolConst(st.Val, false)
	case len(path) == 3 && path[0] == "Producer" && path[1] == "Return" && (path[2] == "Successes" || path[2] == "Errors"):
		return isBoolConst(st.Val, true)
	}
	return true
}

// configPath returns the field names leading from a *sarama.Config to the
// address addr (empty: addr is the config itself), and whether addr is
// one.
func configPath(addr ssa.Value) ([]string, bool) {
	var path []string
	for {
		if isSaramaConfig(addr.Type()) {
			return path, true
		}
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return nil, false
		}
		path = append([]string{fieldName(fa)}, path...)
		addr = fa.X
	}
}

// isSaramaConfig reports whether t is *sarama.Config.
func isSaramaConfig(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	_, named := types.Unalias(ptr.Elem()).(*types.Named)
	return named && apimatch.TypeKey(ptr.Elem()) == saramaPkg+".Config"
}

func isBoolConst(v ssa.Value, want bool) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.Bool && constant.BoolVal(k.Value) == want
}

// setsSuccesses reports whether cfg.Producer.Return.Successes is set to
// true, on every path, before call: a store of the constant true through
// cfg itself that dominates call.
func setsSuccesses(cfg *ssa.Call, call *ssa.Call) bool {
	var check func(v ssa.Value, path []string) bool
	check = func(v ssa.Value, path []string) bool {
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.FieldAddr:
				if check(ref, append(slices.Clip(path), fieldName(ref))) {
					return true
				}
			case *ssa.Store:
				if ref.Addr != v || !slices.Equal(path, []string{"Producer", "Return", "Successes"}) || !isBoolConst(ref.Val, true) {
					continue
				}
				if ref.Block() == call.Block() && ssaflow.Index(ref) < ssaflow.Index(call) ||
					ref.Block() != call.Block() && ref.Block().Dominates(call.Block()) {
					return true
				}
			}
		}
		return false
	}
	return check(cfg, nil)
}
