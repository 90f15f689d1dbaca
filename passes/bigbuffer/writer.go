package bigbuffer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/memlint/memlint/internal/hotpath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/cfg"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/passutil"
)

// writerFact is what the pass knows about a function with respect to
// storage writers: which of its *storage.Writer parameters it sets the
// ChunkSize of, and whether it returns a writer from NewWriter whose
// ChunkSize is unset on some path.
type writerFact struct {
	SetsChunkSize  passutil.Params
	ReturnsDefault bool
	// Configures: the *storage.Writer parameters the function only
	// configures and hands back: it assigns their fields and returns each
	// on every return, doing nothing else with it (gcsfuse's
	// storageutil.SetAttrsInWriter(wc, req), used as wc =
	// SetAttrsInWriter(wc, req)). Such a call neither opens the writer
	// nor lets anyone else configure it.
	Configures passutil.Params
}

func (*writerFact) AFact() {}

func (f *writerFact) String() string {
	returns := ""
	if f.ReturnsDefault {
		returns = "returnsDefaultWriter"
	}
	return passutil.JoinFacts(f.SetsChunkSize.Format("setsChunkSize"), returns, f.Configures.Format("configures"))
}

// fact returns fn's writerFact, or nil.
func (c *checker) fact(fn *types.Func) *writerFact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	var f writerFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return nil
	}
	return &f
}

// setsParam reports whether fn is known to set the ChunkSize of its i'th
// parameter.
func (c *checker) setsParam(fn *types.Func, i int) bool {
	f := c.fact(fn)
	return f != nil && slices.Contains(f.SetsChunkSize, i)
}

func isWriterPtr(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	return ok && apimatch.TypeKey(p) == writerType
}

// configures reports whether fn is known to only configure and return its
// i'th parameter (writerFact.Configures).
func (c *checker) configures(fn *types.Func, i int) bool {
	f := c.fact(fn)
	return f != nil && slices.Contains(f.Configures, i)
}

// reconfigured reports whether the assignment as gives v back to itself
// through a configuring helper, v = helper(v, ...), at v's place among
// its left-hand sides.
func (c *checker) reconfigured(as *ast.AssignStmt, v *types.Var) bool {
	info := c.pass.TypesInfo
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Tok != token.ASSIGN {
		return false
	}
	if id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); !ok || info.Uses[id] != v {
		return false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := apimatch.Callee(info, call)
	for j, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && info.Uses[id] == v && fn != nil && c.configures(fn, j) {
			return true
		}
	}
	return false
}

// isChunkSizeField reports whether sel selects the ChunkSize field of a
// storage.Writer.
func (c *checker) isChunkSizeField(sel *ast.SelectorExpr) bool {
	s, ok := c.pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || sel.Sel.Name != "ChunkSize" {
		return false
	}
	return apimatch.PkgPath(s.Obj().Pkg()) == storagePath && apimatch.TypeKey(s.Recv()) == writerType
}

// funcDecls yields the function declarations with bodies of the analysed files.
func (c *checker) funcDecls() []*ast.FuncDecl {
	var decls []*ast.FuncDecl
	for _, f := range c.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	return decls
}

// exportFacts computes the facts of the package's functions, iterating to
// a fixed point so that helpers calling helpers are covered.
func (c *checker) exportFacts() {
	decls := c.funcDecls()
	facts := make(map[*types.Func]*writerFact)
	passutil.FixedPoint(func() bool {
		changed := false
		for _, fd := range decls {
			fn, _ := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			f := &writerFact{
				SetsChunkSize:  c.paramsSet(fd, fn),
				ReturnsDefault: c.returnsDefault(fd, fn),
				Configures:     c.paramsConfigured(fd, fn),
			}
			if len(f.SetsChunkSize) == 0 && !f.ReturnsDefault && len(f.Configures) == 0 {
				continue
			}
			if old := facts[fn]; old != nil && old.String() == f.String() {
				continue
			}
			facts[fn] = f
			c.pass.ExportObjectFact(fn, f)
			changed = true
		}
		return changed
	})
}

// paramsSet returns the indices of fn's *storage.Writer parameters whose
// ChunkSize fd's body assigns, directly or through a function known to.
func (c *checker) paramsSet(fd *ast.FuncDecl, fn *types.Func) []int {
	sig := fn.Type().(*types.Signature)
	params := make(map[*types.Var]int)
	for i := range sig.Params().Len() {
		if v := sig.Params().At(i); isWriterPtr(v.Type()) && v.Name() != "" && v.Name() != "_" {
			params[v] = i
		}
	}
	if len(params) == 0 {
		return nil
	}
	set := make(map[int]bool)
	param := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		i, ok := params[v]
		return i, ok
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && c.isChunkSizeField(sel) {
					if i, ok := param(sel.X); ok {
						set[i] = true
					}
				}
			}
		case *ast.CallExpr:
			callee := apimatch.Callee(c.pass.TypesInfo, n)
			for j, arg := range n.Args {
				if i, ok := param(arg); ok && callee != nil && c.setsParam(callee, j) {
					set[i] = true
				}
			}
		}
		return true
	})
	var idx []int
	for i := range set {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	return idx
}

// paramsConfigured returns the indices of fn's *storage.Writer parameters
// that fd only configures and returns (writerFact.Configures): fn's only
// *storage.Writer result is that parameter on every return, and every
// other use of it in fd's body is the object of a field assignment
// (wc.Name = req.Name). A parameter assigned, passed, captured or
// written is not one.
func (c *checker) paramsConfigured(fd *ast.FuncDecl, fn *types.Func) []int {
	info := c.pass.TypesInfo
	sig := fn.Type().(*types.Signature)
	res := -1
	for i := range sig.Results().Len() {
		if isWriterPtr(sig.Results().At(i).Type()) {
			if res >= 0 {
				return nil // two writer results: which is which is not followed
			}
			res = i
		}
	}
	if res < 0 {
		return nil
	}
	var idx []int
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if !isWriterPtr(v.Type()) || v.Name() == "" || v.Name() == "_" {
			continue
		}
		ok, returns := true, 0
		ast.PreorderStack(fd.Body, nil, func(n ast.Node, stack []ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				if mentions(info, n, v) {
					ok = false
				}
				return false
			case *ast.ReturnStmt:
				returns++
				if len(n.Results) != sig.Results().Len() {
					ok = false // a bare return of named results
					return false
				}
				if id, isID := ast.Unparen(n.Results[res]).(*ast.Ident); !isID || info.Uses[id] != v {
					ok = false
				}
				for k, r := range n.Results {
					if k != res && mentions(info, r, v) {
						ok = false
					}
				}
				return false
			case *ast.Ident:
				if info.Uses[n] != v || len(stack) < 2 {
					return true
				}
				sel, isSel := stack[len(stack)-1].(*ast.SelectorExpr)
				as, isAs := stack[len(stack)-2].(*ast.AssignStmt)
				if !isSel || sel.X != n || !isAs || !slices.Contains(as.Lhs, ast.Expr(sel)) {
					ok = false
				}
			}
			return true
		})
		if ok && returns > 0 {
			idx = append(idx, i)
		}
	}
	return idx
}

// returnsDefault reports whether fd returns a *storage.Writer that comes
// straight from NewWriter (or a helper known to return one) with ChunkSize
// unset on some path.
func (c *checker) returnsDefault(fd *ast.FuncDecl, fn *types.Func) bool {
	res := fn.Type().(*types.Signature).Results()
	if !slices.ContainsFunc(slices.Collect(res.Variables()), func(v *types.Var) bool { return isWriterPtr(v.Type()) }) {
		return false
	}
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ret, ok := n.(*ast.ReturnStmt); ok {
			for _, r := range ret.Results {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && c.writerSource(call) != "" {
					found = true
				}
			}
		}
		return !found
	})
	if found {
		return true
	}
	g := c.pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs).FuncDecl(fd)
	for _, w := range c.trackedWriters(fd.Body, g) {
		if r := c.search(w, g); r.returned {
			return true
		}
	}
	return false
}

// writerSource returns a description of where call gets a storage writer
// with the default ChunkSize: "NewWriter", or the name of a helper known to
// return one; "" if it does not.
func (c *checker) writerSource(call *ast.CallExpr) string {
	fn := apimatch.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return ""
	}
	if apimatch.Key(fn) == newWriterKey {
		return "NewWriter"
	}
	if f := c.fact(fn); f != nil && f.ReturnsDefault {
		return fn.Name()
	}
	return ""
}

// tracked is a local variable holding a new storage writer.
type tracked struct {
	v      *types.Var
	call   *ast.CallExpr  // the NewWriter (or helper) call
	source string         // "NewWriter" or the helper's name
	def    ast.Node       // the AssignStmt or ValueSpec in the CFG
	body   *ast.BlockStmt // of the function that makes it
	block  *cfg.Block
	index  int // of def in block.Nodes

	// configured holds the conditions of ifs that set ChunkSize from the
	// value they test (if size > 0 { w.ChunkSize = size }): the default is
	// kept on purpose when the setting is absent, so such an if counts as
	// a set on both branches.
	configured map[ast.Expr]bool
}

// trackedWriters finds the writers created in body (not in nested
// closures) and assigned to a local variable that is assigned nowhere else.
func (c *checker) trackedWriters(body *ast.BlockStmt, g *cfg.CFG) []*tracked {
	if g == nil {
		return nil
	}
	info := c.pass.TypesInfo
	var ws []*tracked
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			lhs, rhs, ok := passutil.AssignParts(n)
			if !ok {
				continue
			}
			for j, r := range rhs {
				call, ok := ast.Unparen(r).(*ast.CallExpr)
				if !ok {
					continue
				}
				src := c.writerSource(call)
				if src == "" {
					continue
				}
				var target ast.Expr
				switch {
				case len(lhs) == len(rhs):
					target = lhs[j]
				case len(rhs) == 1:
					// w, err := newWriter(ctx): the writer result.
					if tup, ok := info.TypeOf(call).(*types.Tuple); ok && tup.Len() == len(lhs) {
						for k := range tup.Len() {
							if isWriterPtr(tup.At(k).Type()) {
								target = lhs[k]
								break
							}
						}
					}
				}
				id, ok := target.(*ast.Ident)
				if !ok {
					continue
				}
				v, _ := info.ObjectOf(id).(*types.Var)
				if v == nil || v.Pos() < body.Pos() || v.Pos() > body.End() {
					continue // blank, or declared outside this function
				}
				ws = append(ws, &tracked{v: v, call: call, source: src, def: n, body: body, block: b, index: i})
			}
		}
	}
	// Keep only variables assigned once and never address-taken.
	count := make(map[*types.Var]int)
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok && !c.reconfigured(n, v) {
						count[v]++
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == 0 {
				break // var w *storage.Writer: a nil declaration, not a writer
			}
			for _, id := range n.Names {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					count[v]++
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if v, ok := info.ObjectOf(id).(*types.Var); ok {
						count[v] += 2
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := info.ObjectOf(id).(*types.Var); ok {
					count[v] += 2
				}
			}
		}
		return true
	})
	ws = slices.DeleteFunc(ws, func(w *tracked) bool { return count[w.v] != 1 })
	for _, w := range ws {
		w.configured = c.configuredSets(body, w.v)
	}
	return ws
}

// configuredSets finds the ifs of body, without else, whose body assigns
// v.ChunkSize a value that mentions a variable or field the condition
// tests.
func (c *checker) configuredSets(body *ast.BlockStmt, v *types.Var) map[ast.Expr]bool {
	info := c.pass.TypesInfo
	var conds map[ast.Expr]bool
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || ifs.Else != nil {
			return true
		}
		for _, st := range ifs.Body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			sel, ok := ast.Unparen(as.Lhs[0]).(*ast.SelectorExpr)
			if !ok || !c.isChunkSizeField(sel) {
				continue
			}
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != v {
				continue
			}
			shared := false
			ast.Inspect(as.Rhs[0], func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if obj := info.Uses[id]; obj != nil && !isConstOrFunc(obj) && refers(info, ifs.Cond, obj) {
						shared = true
					}
				}
				return !shared
			})
			if shared {
				if conds == nil {
					conds = make(map[ast.Expr]bool)
				}
				conds[ifs.Cond] = true
			}
		}
		return true
	})
	return conds
}

func isConstOrFunc(obj types.Object) bool {
	switch obj.(type) {
	case *types.Const, *types.Func, *types.Builtin, *types.TypeName, *types.PkgName, *types.Nil:
		return true
	}
	return false
}

// eventKind classifies what a node does to a tracked writer.
type eventKind int

const (
	evNone     eventKind = iota
	evSet                // assigns w.ChunkSize, or passes w to a function that does
	evUse                // Write, Flush, Close, or hands w to a function (static, no fact)
	evEscape             // stores, converts or captures w: someone else may configure it
	evReturn             // returns w to the caller
	evRedefine           // reaches the defining statement again (next loop iteration)
)

type event struct {
	kind eventKind
	pos  token.Pos
	end  token.Pos
}

// events lists, in source order, what node n does to w.
func (c *checker) events(n ast.Node, w *tracked) []event {
	if n == w.def {
		return []event{{kind: evRedefine, pos: n.Pos()}}
	}
	if e, ok := n.(ast.Expr); ok && w.configured[e] {
		return []event{{kind: evSet, pos: n.Pos(), end: n.End()}}
	}
	if _, ok := n.(*ast.DeferStmt); ok {
		// Runs at return: after every statement of the path.
		return nil
	}
	info := c.pass.TypesInfo
	var evs []event
	add := func(k eventKind, node ast.Node) {
		evs = append(evs, event{kind: k, pos: node.Pos(), end: node.End()})
	}
	ast.PreorderStack(n, nil, func(node ast.Node, stack []ast.Node) bool {
		if lit, ok := node.(*ast.FuncLit); ok {
			if mentions(info, lit, w.v) {
				add(evEscape, lit)
			}
			return false
		}
		id, ok := node.(*ast.Ident)
		if !ok || info.Uses[id] != w.v || len(stack) == 0 {
			return true
		}
		add(c.classify(id, stack), id)
		return true
	})
	return evs
}

// classify decides what the use id of a tracked writer does, given its
// ancestors.
func (c *checker) classify(id *ast.Ident, stack []ast.Node) eventKind {
	info := c.pass.TypesInfo
	var x ast.Expr = id // id, with the parentheses around it
	for len(stack) > 1 {
		paren, ok := stack[len(stack)-1].(*ast.ParenExpr)
		if !ok {
			break
		}
		x, stack = paren, stack[:len(stack)-1]
	}
	parent := stack[len(stack)-1]
	var grand ast.Node
	if len(stack) >= 2 {
		grand = stack[len(stack)-2]
	}
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		sel := info.Selections[p]
		if sel == nil {
			return evNone
		}
		switch sel.Kind() {
		case types.FieldVal:
			if c.isChunkSizeField(p) {
				switch g := grand.(type) {
				case *ast.AssignStmt:
					if slices.Contains(g.Lhs, ast.Expr(p)) {
						return evSet
					}
				case *ast.IncDecStmt:
					return evSet
				}
			}
			return evNone
		case types.MethodVal:
			switch p.Sel.Name {
			case "Write", "Flush", "Close":
				return evUse // each opens the upload and allocates its buffer
			}
			// CloseWithError and Abort on an unopened writer allocate
			// nothing; Attrs reads.
			return evNone
		}
		return evNone
	case *ast.CallExpr:
		i := slices.Index(p.Args, x)
		if i < 0 {
			return evEscape // a conversion's operand, or called (not a func)
		}
		fn := apimatch.Callee(info, p)
		if fn == nil {
			return evEscape // func value or conversion: unknown
		}
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			return evEscape // interface method: the implementation may configure it
		}
		if c.setsParam(fn, i) {
			return evSet
		}
		if c.configures(fn, i) {
			return evNone // configured and handed back (see reconfigured)
		}
		return evUse
	case *ast.AssignStmt:
		if c.reconfigured(p, info.Uses[id].(*types.Var)) {
			return evNone // w = helper(w, ...): the same writer
		}
	case *ast.BinaryExpr:
		return evNone // w == nil
	case *ast.ReturnStmt:
		return evReturn
	}
	return evEscape
}

// mentions reports whether node refers to v.
func mentions(info *types.Info, node ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// searchResult is what the path search found for one writer.
type searchResult struct {
	use      *event // first use on a path that never set ChunkSize
	returned bool   // some path returns w with ChunkSize unset
}

// search explores the paths from w's definition, each up to its first
// event, and reports the first path that uses w with ChunkSize unset.
func (c *checker) search(w *tracked, g *cfg.CFG) searchResult {
	var res searchResult
	// Every walk is in the same state (ChunkSize unset), so each block
	// needs visiting once.
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, from int)
	walk = func(b *cfg.Block, from int) {
		for _, n := range b.Nodes[from:] {
			for _, ev := range c.events(n, w) {
				switch ev.kind {
				case evSet, evEscape, evRedefine:
					return // this path is fine
				case evReturn:
					res.returned = true
					return
				case evUse:
					if res.use == nil {
						e := ev
						res.use = &e
					}
					return
				}
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				walk(s, 0)
			}
		}
	}
	walk(w.block, w.index+1)
	return res
}

// setAfter looks for an assignment of w.ChunkSize reachable from use
// without going through w's definition again: a set that comes too late.
func (c *checker) setAfter(w *tracked, g *cfg.CFG, use token.Pos) *event {
	// Find the block and node of the use.
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if n.Pos() <= use && use < n.End() {
				if _, ok := n.(*ast.DeferStmt); ok {
					continue
				}
				return c.findSet(w, b, i, use)
			}
		}
	}
	return nil
}

func (c *checker) findSet(w *tracked, start *cfg.Block, index int, after token.Pos) *event {
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, from int) *event
	walk = func(b *cfg.Block, from int) *event {
		for _, n := range b.Nodes[from:] {
			for _, ev := range c.events(n, w) {
				if b == start && ev.pos <= after {
					continue
				}
				switch ev.kind {
				case evSet:
					e := ev
					return &e
				case evRedefine, evEscape, evReturn:
					return nil
				}
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if e := walk(s, 0); e != nil {
					return e
				}
			}
		}
		return nil
	}
	return walk(start, index)
}

// checkWriters reports storage writers used before their ChunkSize is set.
func (c *checker) checkWriters() {
	cfgs := c.pass.ResultOf[ctrlflow.Analyzer].(*ctrlflow.CFGs)
	for cur := range c.in.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if !c.inFiles(cur.Node()) {
			continue
		}
		var (
			body *ast.BlockStmt
			g    *cfg.CFG
		)
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				continue
			}
			body, g = n.Body, cfgs.FuncDecl(n)
		case *ast.FuncLit:
			body, g = n.Body, cfgs.FuncLit(n)
		}
		for _, w := range c.trackedWriters(body, g) {
			res := c.search(w, g)
			if res.use == nil {
				continue
			}
			c.reportWriter(w, g, res.use)
		}
	}
}

func (c *checker) inFiles(n ast.Node) bool {
	return passutil.FileOf(c.files, n.Pos()) != nil
}

func (c *checker) reportWriter(w *tracked, g *cfg.CFG, use *event) {
	cur, ok := c.in.Root().FindNode(w.call)
	if !ok {
		return
	}
	h := hotpath.Of(c.pass.TypesInfo, cur)
	if h.Kind == hotpath.Cold && w.source == "NewWriter" && c.longLived(w.call.Args) && c.streamedOnly(w) {
		return
	}
	what := "storage.Writer " + w.v.Name()
	if w.source != "NewWriter" {
		what += " from " + w.source
	}
	name := w.v.Name()
	d := analysis.Diagnostic{Pos: w.call.Pos(), End: w.call.End()}
	hasSet := c.anySet(w, g)
	switch late := c.setAfter(w, g, use.pos); {
	case late != nil:
		d.Message = fmt.Sprintf("%s.ChunkSize is set after the first Write, too late: %s buffers %s%s (default ChunkSize)",
			name, what, passutil.FormatBytes(defaultChunkSize), h.Kind.Phrase())
		d.Related = []analysis.RelatedInformation{
			{Pos: use.pos, End: use.end, Message: "the 16 MiB buffer is allocated here"},
			{Pos: late.pos, End: late.end, Message: "ChunkSize set here has no effect"},
		}
	case hasSet:
		d.Message = fmt.Sprintf("%s buffers %s%s (default ChunkSize) on a path that skips %s.ChunkSize; set it before the first Write",
			what, passutil.FormatBytes(defaultChunkSize), h.Kind.Phrase(), name)
		d.Related = []analysis.RelatedInformation{
			{Pos: use.pos, End: use.end, Message: "the 16 MiB buffer is allocated here, ChunkSize unset"},
		}
	default:
		d.Message = fmt.Sprintf("%s buffers %s%s (default ChunkSize); set %s.ChunkSize to fit the object",
			what, passutil.FormatBytes(defaultChunkSize), h.Kind.Phrase(), name)
		d.Related = []analysis.RelatedInformation{
			{Pos: use.pos, End: use.end, Message: "the 16 MiB buffer is allocated here"},
		}
		if fix, ok := c.chunkSizeFix(w); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	passutil.Report(c.pass, d)
}

// anySet reports whether w.ChunkSize is set anywhere in the function.
func (c *checker) anySet(w *tracked, g *cfg.CFG) bool {
	for _, b := range g.Blocks {
		for _, n := range b.Nodes {
			for _, ev := range c.events(n, w) {
				if ev.kind == evSet {
					return true
				}
			}
		}
	}
	return false
}

// chunkSizeFix inserts "w.ChunkSize = <chunk-size>" after the NewWriter
// statement that creates w, when that statement is in a statement list.
func (c *checker) chunkSizeFix(w *tracked) (analysis.SuggestedFix, bool) {
	if w.source != "NewWriter" {
		// A helper may return nil (with an error): setting a field right
		// after the call could panic.
		return analysis.SuggestedFix{}, false
	}
	var stmt ast.Node = w.def
	cur, ok := c.in.Root().FindNode(w.def)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, ok := w.def.(*ast.ValueSpec); ok {
		cur = cur.Parent().Parent() // GenDecl, DeclStmt
		stmt = cur.Node()
		if _, ok := stmt.(*ast.DeclStmt); !ok {
			return analysis.SuggestedFix{}, false
		}
	}
	switch cur.Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return analysis.SuggestedFix{}, false // if/for/switch init
	}
	indent := passutil.Indent(c.pass.Fset, stmt.Pos())
	text := fmt.Sprintf("\n%s%s.ChunkSize = %s", indent, w.v.Name(), sizeExpr(c.cfg.chunkSize))
	at := passutil.LineEnd(c.pass.Fset, c.pass.Files, stmt.End()) // below a trailing comment
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Set %s.ChunkSize = %s", w.v.Name(), sizeExpr(c.cfg.chunkSize)),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}, true
}
