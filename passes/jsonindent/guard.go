package jsonindent

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
)

// A guard says under which condition a site indents.
type guard struct {
	option bool // indents only when a run-time option says so
	param  int  // index of the bool parameter of the function that must be true, or -1
}

var unconditional = guard{param: -1}

// guardOf returns the condition under which the site indents: the
// if-statements enclosing its call in its function, then (for a helper
// called with a conditional fact) the argument the caller gives the
// helper's guard parameter. skip reports that the site never indents (the
// caller passes the constant false).
func (c *checker) guardOf(s *site) (g guard, skip bool) {
	if g := c.enclosingGuard(s); g.option {
		return g, false
	}
	if s.via == nil {
		return unconditional, false
	}
	f := c.factOf(s.via)
	if f == nil || f.Guard == 0 {
		return unconditional, false
	}
	a := arg(s.call, f.Guard-1)
	if a == nil {
		return unconditional, false
	}
	if tv := c.pass.TypesInfo.Types[a]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return unconditional, !constant.BoolVal(tv.Value)
	}
	// Any other argument is chosen at run time: the caller's own bool
	// parameter (which makes the caller's indentation conditional on
	// it), the request's ?pretty, a config flag, a computed value.
	if g := c.condition(s.fn, a, 0); g.option {
		return g, false
	}
	return guard{option: true, param: -1}, false
}

// compactResponders write a compact JSON response.
var compactResponders = map[string]bool{
	"(*github.com/gin-gonic/gin.Context).JSON": true,
	"(github.com/labstack/echo.Context).JSON":  true,
	"(*github.com/labstack/echo.Context).JSON": true,
	"(*github.com/gofiber/fiber.Ctx).JSON":     true,
}

// hasCompact reports whether fn also encodes JSON without indentation
// (json.Marshal, an Encoder's Encode, gin's or echo's c.JSON): the
// indentation under a condition is then a choice between two forms of the
// same response, not a feature that happens to indent.
func (c *checker) hasCompact(fn *function) bool {
	found := false
	ast.Inspect(fn.body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			key := apimatch.CalleeKey(c.pass.TypesInfo, call)
			_, enc := encodes[key]
			found = marshals[key] || enc || compactResponders[key]
		}
		return !found
	})
	return found
}

// enclosingGuard returns the guard of the if-statements (and switch
// cases) of s's function that enclose its call. An indenting call other
// than SetIndent (whose encoder encodes compactly when the condition is
// false) is guarded only when its function also encodes compactly.
func (c *checker) enclosingGuard(s *site) guard {
	if s.via == nil && s.rule.kind != setIndent && !c.hasCompact(s.fn) {
		return unconditional
	}
	for cur := range s.cur.Enclosing() {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return unconditional
		case *ast.IfStmt:
			if n.Cond.Pos() <= s.call.Pos() && s.call.End() <= n.Cond.End() {
				continue // the call is the condition
			}
			inElse := n.Else != nil && n.Else.Pos() <= s.call.Pos() && s.call.End() <= n.Else.End()
			if c.onByDefault(n.Cond, inElse) {
				continue // if cfg.DisablePretty { compact } else { indent }
			}
			if g := c.condition(s.fn, n.Cond, 0); g.option {
				return g
			}
		case *ast.CaseClause:
			sw, ok := cur.Parent().Parent().Node().(*ast.SwitchStmt)
			if !ok {
				continue
			}
			exprs := n.List
			if sw.Tag != nil {
				exprs = append([]ast.Expr{sw.Tag}, exprs...)
			}
			for _, e := range exprs {
				if g := c.condition(s.fn, e, 0); g.option {
					return g
				}
			}
		}
	}
	return unconditional
}

// condition classifies a condition (or a value compared in one) as a
// run-time option: a bool parameter of fn (the guard parameter of a
// helper), a value read from the request (gin's c.Query("pretty"),
// pretty(r), r.URL.Query().Get("indent") == "1"), a field or package
// variable (a configuration flag), or a local variable assigned once
// from one of those. Error checks (err != nil) and other conditions are
// not options.
func (c *checker) condition(fn *function, e ast.Expr, depth int) guard {
	if depth > 4 {
		return unconditional
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			g := c.condition(fn, x.X, depth+1)
			g.param = -1 // indents when the parameter is false
			return g
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			g := c.condition(fn, x.X, depth+1)
			if !g.option {
				g = c.condition(fn, x.Y, depth+1)
			}
			if x.Op == token.LOR {
				g.param = -1 // the other operand may indent alone
			}
			return g
		case token.EQL, token.NEQ:
			// format == "pretty", r.FormValue("indent") != "": an
			// option compared with a constant.
			for _, pair := range [][2]ast.Expr{{x.X, x.Y}, {x.Y, x.X}} {
				tv := c.pass.TypesInfo.Types[pair[1]]
				if tv.Value == nil || tv.Value.Kind() == constant.Unknown {
					continue
				}
				if g := c.condition(fn, pair[0], depth+1); g.option {
					g.param = -1
					return g
				}
			}
		}
		return unconditional
	case *ast.Ident:
		switch obj := c.pass.TypesInfo.Uses[x].(type) {
		case *types.Var:
			if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
				return guard{option: true, param: -1} // a package flag
			}
			if i := c.paramIndex(fn, x); i >= 0 {
				if isBool(obj.Type()) {
					return guard{option: true, param: i}
				}
				return guard{option: true, param: -1}
			}
			if fn.body != nil && obj.Pos() >= fn.body.Pos() && obj.Pos() < fn.body.End() {
				if rhs := c.onlyAssignment(fn, obj); rhs != nil {
					g := c.condition(fn, rhs, depth+1)
					g.param = -1
					return g
				}
			}
		}
		return unconditional
	case *ast.SelectorExpr:
		if routing(c.pass.TypesInfo, x) {
			return unconditional
		}
		if sel := c.pass.TypesInfo.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return guard{option: true, param: -1} // s.cfg.Pretty
		}
		if v, ok := c.pass.TypesInfo.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return guard{option: true, param: -1} // config.Pretty
		}
	}
	if c.fromRequest(e) {
		return guard{option: true, param: -1}
	}
	return unconditional
}

// routingFields are the request fields a handler routes on (r.Method ==
// "GET", r.URL.Path == "/"): a case on one picks the endpoint, not the
// response's form (gophish's API handlers switch on r.Method and indent
// every response).
var routingFields = map[string]map[string]bool{
	"net/http.Request": {"Method": true, "Host": true, "RequestURI": true, "Proto": true},
	"net/url.URL":      {"Path": true, "RawPath": true},
}

// routing reports whether x selects a request field a handler routes on.
func routing(info *types.Info, x *ast.SelectorExpr) bool {
	sel := info.Selections[x]
	if sel == nil || sel.Kind() != types.FieldVal {
		return false
	}
	return routingFields[apimatch.TypeKey(sel.Recv())][x.Sel.Name]
}

// fromRequest reports whether e reads a request holder (an *http.Request,
// a framework context, a gRPC request message).
func (c *checker) fromRequest(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
				if _, ok := httpapi.Holder(v.Type()); ok || httpapi.IsRequestMessage(v.Type()) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// commaOK reports whether e is a map index or a type assertion, whose
// second value in v, ok := e says what e holds: the ok of a lookup of the
// request's query parameters (_, pretty := c.QueryParams()["pretty"]:
// traQ's ?pretty) reads the request as e does.
func commaOK(e ast.Expr) bool {
	switch ast.Unparen(e).(type) {
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		return true
	}
	return false
}

// onlyAssignment returns the right-hand side of the only assignment to
// the local variable v in fn (for the first variable of b, err :=
// json.Marshal(x), the call; for the ok of a comma-ok lookup, the
// lookup), or nil.
func (c *checker) onlyAssignment(fn *function, v *types.Var) ast.Expr {
	var rhs ast.Expr
	n := 0
	ast.Inspect(fn.body, func(node ast.Node) bool {
		if inc, ok := node.(*ast.IncDecStmt); ok && c.objOf(inc.X) == v {
			n++
		}
		lhs, values, ok := passutil.AssignParts(node)
		if !ok {
			return true
		}
		for i, l := range lhs {
			if c.objOf(l) != v {
				continue
			}
			n++
			if len(lhs) == len(values) {
				rhs = values[i]
			} else if i == 0 && len(values) == 1 {
				rhs = values[0]
			} else if i == 1 && len(values) == 1 && commaOK(values[0]) {
				rhs = values[0] // _, pretty := c.QueryParams()["pretty"]
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return rhs
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// onByDefault reports whether cond is a configuration flag (a bool field
// or package variable) whose name says it turns indentation off
// (DisablePrettyJSON, NoIndent, Compact, Minify), possibly negated, such
// that the branch holding the call (the else branch when inElse) runs
// when the flag has its zero value, false: indentation is then the
// default, not an option (pgweb's Result.JSON indents unless the operator
// passes --no-pretty-json).
func (c *checker) onByDefault(cond ast.Expr, inElse bool) bool {
	neg := false
	e := ast.Unparen(cond)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.NOT {
		neg, e = true, ast.Unparen(u.X)
	}
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !isBool(v.Type()) || !(v.IsField() || v.Pkg() != nil && v.Parent() == v.Pkg().Scope()) || !turnsOff(v.Name()) {
		return false
	}
	// With the flag false, the condition is neg: the then branch runs
	// when it is true.
	return neg != inElse
}

// turnsOff reports whether a flag's name says that setting it turns
// something off: Disable..., No... (NoPretty, not Normal), Compact,
// Minify.
func turnsOff(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case strings.HasPrefix(lower, "disable"), strings.HasPrefix(lower, "compact"), strings.HasPrefix(lower, "minif"):
		return true
	case len(name) > 2 && strings.HasPrefix(name, "No") && unicode.IsUpper(rune(name[2])),
		len(name) > 2 && strings.HasPrefix(name, "no") && unicode.IsUpper(rune(name[2])):
		return true
	}
	return false
}
