package multipart

import (
	"go/ast"
	"go/types"
)

// errVar returns the variable receiving the call's error result (its
// last result when that is an error).
func (c *checker) errVar(stack []ast.Node) *types.Var {
	call := stack[len(stack)-1].(*ast.CallExpr)
	tv, ok := c.pass.TypesInfo.Types[call]
	if !ok {
		return nil
	}
	n := 1
	if tup, ok := tv.Type.(*types.Tuple); ok {
		n = tup.Len()
	}
	lhs := assignLHS(stack)
	if n == 0 || len(lhs) != n {
		return nil // no results (a helper returning nothing), or not assigned
	}
	id, ok := lhs[n-1].(*ast.Ident)
	if !ok {
		return nil
	}
	v := identVar(c.pass.TypesInfo, id)
	if v == nil || !isError(v.Type()) {
		return nil
	}
	return v
}

// assignLHS returns the left-hand sides when the call on top of stack is
// the single right-hand side of an assignment or var declaration.
func assignLHS(stack []ast.Node) []ast.Expr {
	if len(stack) < 2 {
		return nil
	}
	call := stack[len(stack)-1]
	switch p := stack[len(stack)-2].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == call {
			return p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == call {
			lhs := make([]ast.Expr, len(p.Names))
			for i, id := range p.Names {
				lhs[i] = id
			}
			return lhs
		}
	}
	return nil
}

// enclosingStmt returns the innermost statement of stack that sits in a
// statement list: the if statement, not its init.
func enclosingStmt(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		s, ok := stack[i].(ast.Stmt)
		if !ok {
			continue
		}
		if _, isBlock := s.(*ast.BlockStmt); isBlock {
			continue
		}
		if i > 0 {
			switch p := stack[i-1].(type) {
			case *ast.IfStmt:
				if p.Init == s {
					continue
				}
			case *ast.SwitchStmt:
				if p.Init == s {
					continue
				}
			case *ast.TypeSwitchStmt:
				if p.Init == s {
					continue
				}
			}
		}
		return s
	}
	return nil
}

func identVar(info *types.Info, id *ast.Ident) *types.Var {
	if v, ok := info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// isParam reports whether v is a parameter or the receiver of fn.
func isParam(v *types.Var, fn ast.Node, info *types.Info) bool {
	sig := funcSig(fn, info)
	if sig == nil {
		return false
	}
	if sig.Recv() == v {
		return true
	}
	for p := range sig.Params().Variables() {
		if p == v {
			return true
		}
	}
	return false
}

func funcSig(fn ast.Node, info *types.Info) *types.Signature {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		if obj, ok := info.Defs[fn.Name].(*types.Func); ok {
			return obj.Type().(*types.Signature)
		}
	case *ast.FuncLit:
		sig, _ := info.TypeOf(fn).(*types.Signature)
		return sig
	}
	return nil
}

// isLocal reports whether v is declared inside fn (a parameter or a local
// variable), not a global nor a variable captured from an enclosing function.
func isLocal(v *types.Var, fn ast.Node, info *types.Info) bool {
	return fn.Pos() <= v.Pos() && v.Pos() < fn.End()
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
