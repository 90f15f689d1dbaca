package querylimit

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/passutil"
	"github.com/memlint/memlint/internal/rowsource"
	"github.com/memlint/memlint/internal/ssabuild"
	"github.com/memlint/memlint/passes/querylimit/internal/sqlscan"
)

//go:embed doc.go
var doc string

// Analyzer reports unbounded query results read into memory.
var Analyzer = &analysis.Analyzer{
	Name:      "querylimit",
	Doc:       passutil.MustExtractDoc(doc, "querylimit"),
	URL:       "https://pkg.go.dev/github.com/memlint/memlint/passes/querylimit",
	Run:       passutil.Guard("querylimit", run),
	Requires:  []*analysis.Analyzer{ssabuild.Analyzer},
	FactTypes: []analysis.Fact{new(limitFact)},
}

// maxRows is the -querylimit.max-rows flag.
var maxRows rowsFlag = 1000

func init() {
	Analyzer.Flags.Var(&maxRows, "max-rows", "report constant row bounds (LIMIT, Limit, SetLimit) above this many rows")
}

type rowsFlag int64

func (f *rowsFlag) String() string { return strconv.FormatInt(int64(*f), 10) }

func (f *rowsFlag) Set(s string) error {
	v, err := strconv.ParseInt(s, 0, 64)
	if err != nil || v < 1 {
		return fmt.Errorf("max-rows must be a positive integer, got %q", s)
	}
	*f = rowsFlag(v)
	return nil
}

type config struct {
	maxRows int64
	strict  bool
}

type checker struct {
	pass  *analysis.Pass
	cfg   config
	calls map[token.Pos]*ast.CallExpr  // by Lparen
	index map[token.Pos]*ast.IndexExpr // by Lbrack
	sums  map[*types.Func]*limitFact   // this package's summaries
	gen   map[*token.File]bool
	gql   map[*types.TypeName]bool // structs of the package's gqlgen-generated files (graphql.go)
	// test holds the package's _test.go files, and inTest is set while a
	// function of one is checked: what a test reads or pages is no
	// evidence of how the package's own code treats a table (pagedName,
	// streamedName).
	test   map[*token.File]bool
	inTest bool

	// collecting is set while parameter sinks are collected: nothing is
	// reported, and a parameter reaching a bound is recorded in sinks
	// (true: the function holds the rows; false: it returns them).
	collecting bool
	sinks      map[*ssa.Function]map[int]bool
	// lowers records, while collecting, the parameters that reach a bound
	// unchecked for the values meaning no limit there (limitFact's
	// ZeroAll and NegAll); nonNegative wins over nonZero.
	lowers   map[*ssa.Function]map[int]lowerBound
	reported map[string]bool
	methods  map[string][]*types.Func // methods with row-bound facts, by name
	globals  map[*ssa.Global][]ssa.Value
	stmts    map[*types.Var]ssa.Value // query texts prepared into struct fields; nil value: more than one
	keys     *sqlscan.Schema          // the package's DDL keys, read by schema()
	// paged: the tables the package reads under a row bound (tableGrowth),
	// from its string constants and literals (schema) and from the queries
	// and gorm chains checked. The collecting rounds check every query
	// before anything is reported, so a table paged in a later function
	// counts too.
	paged map[string]bool
	// streamed: the tables the package reads row by row somewhere (xorm
	// Iterate and Rows, gorm FindInBatches), evidence for tableGrowth like
	// paged: its authors expect many rows.
	streamed map[string]bool
	// unboundedDest: the destinations (their allocations) of ORM reads
	// judged to hold every row of a growing result, with the read's
	// position: a key list collected from their rows is as long (keyed.go).
	// The collecting rounds fill it, so the order of reads does not matter.
	unboundedDest map[ssa.Value]token.Pos
	// entPaged: the tables the package's ent queries page anywhere
	// (entPages), evidence for ent reads while judgingEnt is set.
	entPaged   map[string]bool
	judgingEnt bool

	// capture is set while generated functions are judged: an unbounded
	// result is kept in captured instead of being reported.
	capture  bool
	captured *captured

	// walking counts the backward walks in progress; budget is what is
	// left of the outermost one's steps (see walkBudget).
	walking int
	budget  int
	// built holds the texts written from a query builder's chain
	// (squirrel.go): their holes hide no LIMIT.
	built map[string]bool
}

// targets are the packages whose presence makes the pass do any work.
var targets = []string{
	"database/sql", "github.com/jmoiron/sqlx", "github.com/jackc/pgx/...", "gorm.io/gorm", "github.com/jinzhu/gorm",
	"go.mongodb.org/mongo-driver/...", "xorm.io/xorm",
}

func run(pass *analysis.Pass) (any, error) {
	if !apimatch.Imports(pass.Pkg, targets...) && !apimatch.Imports(pass.Pkg, httpapi.Packages...) && len(pass.AllObjectFacts()) == 0 && !httpapi.ImportsCustomHolder(pass.Pkg) && !rowsource.ImportsEnt(pass.Pkg) {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		cfg:   config{maxRows: int64(maxRows), strict: strict},
		calls: map[token.Pos]*ast.CallExpr{},
		index: map[token.Pos]*ast.IndexExpr{},
		sums:  map[*types.Func]*limitFact{},
		gen:   map[*token.File]bool{},
		test:  map[*token.File]bool{},

		reported: map[string]bool{},
	}
	c.gql = gqlTypes(pass.Files, pass.TypesInfo)
	for _, f := range pass.Files {
		if passutil.IsGenerated(f) {
			c.gen[pass.Fset.File(f.FileStart)] = true
		}
		if passutil.IsTestFile(pass.Fset, f) {
			c.test[pass.Fset.File(f.FileStart)] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				c.calls[n.Lparen] = n
			case *ast.IndexExpr:
				c.index[n.Lbrack] = n
			}
			return true
		})
	}
	// Literals of package variables' initializers too (flagr's var
	// exportFlagSnapshots = func(...) error { ... }).
	ssaPkg := pass.ResultOf[ssabuild.Analyzer].(*buildssa.SSA)
	funcs := append(slices.Clip(ssaPkg.SrcFuncs), ssabuild.InitLiterals(ssaPkg)...)

	// Summaries, to a fixed point (functions may call each other): integer
	// results, then parameters that reach a row bound.
	passutil.FixedPoint(func() bool {
		changed := false
		for _, fn := range funcs {
			obj, _ := fn.Object().(*types.Func)
			if obj == nil {
				continue
			}
			f := c.summarize(fn)
			if !f.equal(c.sums[obj]) {
				c.sums[obj] = f
				changed = true
			}
		}
		return changed
	})
	ifaces := c.interfaceForwards()
	c.entPages(funcs)
	c.collecting = true
	passutil.FixedPoint(func() bool {
		c.sinks = map[*ssa.Function]map[int]bool{}
		c.lowers = map[*ssa.Function]map[int]lowerBound{}
		c.checkFuncs(funcs)
		changed := false
		for _, fn := range funcs {
			obj, _ := fn.Object().(*types.Func)
			if obj == nil {
				continue
			}
			f := withSinks(c.sums[obj], fn, c.sinks[fn], c.lowers[fn])
			if !f.equal(c.sums[obj]) {
				c.sums[obj] = f
				changed = true
			}
		}
		return changed
	})
	c.collecting = false
	c.generatedQueries(funcs)
	for _, fn := range funcs {
		if obj, _ := fn.Object().(*types.Func); obj != nil && c.sums[obj] != nil {
			pass.ExportObjectFact(obj, c.sums[obj])
		}
	}
	for _, m := range ifaces {
		pass.ExportObjectFact(m, c.sums[m])
	}
	c.checkFuncs(funcs)
	for _, fn := range funcs {
		if fn.Blocks != nil && !c.gen[c.pass.Fset.File(fn.Pos())] {
			c.checkPages(fn)
		}
	}
	return nil, nil
}

// withSinks returns f with the parameter sinks of fn, and the parameters
// whose low end it leaves unchecked.
func withSinks(f *limitFact, fn *ssa.Function, sinks map[int]bool, lowers map[int]lowerBound) *limitFact {
	g := &limitFact{}
	if f != nil {
		g.Result, g.Rows, g.RowsWhat = f.Result, f.Rows, f.RowsWhat
		g.RunsQuery, g.RunsWhat = f.RunsQuery, f.RunsWhat
		g.ReqFields = f.ReqFields
		g.Forwards, g.Where = f.Forwards, f.Where
		g.FreshSession = f.FreshSession
		g.Pages, g.PagesEvery = f.Pages, f.PagesEvery
	}
	for i := range fn.Signature.Params().Len() {
		if held, ok := sinks[i]; ok {
			g.Params = g.Params.Add(i)
			if !held {
				g.Cursors = g.Cursors.Add(i)
			}
		}
		switch lowers[i] {
		case nonNegative:
			g.NegAll = g.NegAll.Add(i)
		case nonZero:
			g.ZeroAll = g.ZeroAll.Add(i)
		}
	}
	if g.Result == resultNone && len(g.Params) == 0 && len(g.ZeroAll) == 0 && len(g.NegAll) == 0 && len(g.Rows) == 0 && len(g.RunsQuery) == 0 && len(g.ReqFields) == 0 && g.Forwards == "" && !g.FreshSession && len(g.Pages) == 0 {
		return nil
	}
	return g
}
