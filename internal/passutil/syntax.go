package passutil

import "go/ast"

// AssignParts returns the left- and right-hand sides of an assignment
// (a = b, a := b, a += b) or of a var spec (var a = b, whose names are the
// left-hand side and whose Values, possibly none, the right), and ok false
// for any other node.
func AssignParts(n ast.Node) (lhs, rhs []ast.Expr, ok bool) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		return n.Lhs, n.Rhs, true
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		return lhs, n.Values, true
	}
	return nil, nil, false
}
