package querylimit

// The pass's knowledge of each library, as tables by kind: finders read
// every row of a query into memory, limiters bound the rows a query
// reads, breakers make what a gorm chain selects unknown here, roots
// start a chain, collectors accumulate every row of a cursor, and
// passthroughs (of integers and of query texts) and formatters return an
// argument in another form. Keys are apimatch.Key of the function (major
// versions stripped).

const (
	sqlPkg   = "database/sql"
	sqlxPkg  = "github.com/jmoiron/sqlx"
	pgxPkg   = "github.com/jackc/pgx"
	gormPkg  = "gorm.io/gorm"
	gorm1Pkg = "github.com/jinzhu/gorm" // gorm v1: the same chain API on *gorm.DB
	mongoPkg = "go.mongodb.org/mongo-driver/mongo"
	optsPkg  = "go.mongodb.org/mongo-driver/mongo/options"
	xormPkg  = "xorm.io/xorm"
)

// rowsTypes are the row cursors of the SQL libraries: a call returning
// one and taking a query text is a query.
var rowsTypes = map[string]bool{
	sqlPkg + ".Rows":  true,
	sqlxPkg + ".Rows": true,
	pgxPkg + ".Rows":  true,
}

// preparedQueries run a *sql.Stmt: the query text is the one given to
// Prepare (preparedText), the last argument the query's arguments.
var preparedQueries = map[string]bool{
	"(*" + sqlPkg + ".Stmt).Query":        true,
	"(*" + sqlPkg + ".Stmt).QueryContext": true,
}

// sqlxFinders are the sqlx calls that read every row into dest: key ->
// (dest, query) parameter indexes, receiver excluded.
var sqlxFinders = map[string][2]int{
	"(*" + sqlxPkg + ".DB).Select":          {0, 1},
	"(*" + sqlxPkg + ".Tx).Select":          {0, 1},
	"(*" + sqlxPkg + ".DB).SelectContext":   {1, 2},
	"(*" + sqlxPkg + ".Tx).SelectContext":   {1, 2},
	"(*" + sqlxPkg + ".Conn).SelectContext": {1, 2},
	sqlxPkg + ".Select":                     {1, 2},
	sqlxPkg + ".SelectContext":              {2, 3},
}

// gormFinders are the *gorm.DB methods, of either version (gormMethod),
// that read every row of the chain into a destination: the parameter
// index of the destination, and the number of arguments a call must have
// to be judged (0: any).
var gormFinders = map[string]struct{ dest, args int }{
	"Find":  {dest: 0, args: 2}, // Find(&dest, conds...)
	"Scan":  {dest: 0},          // Scan(&dest)
	"Pluck": {dest: 1, args: 2}, // Pluck(column, &dest)
}

// mongoFinders read every document a filter selects (checkMongo).
var mongoFinders = map[string]bool{
	"(*" + mongoPkg + ".Collection).Find": true,
}

// A limiter bounds the rows of a query by its first argument (receiver
// excluded).
type limiter struct {
	name  string     // how messages name it: "gorm Limit", "SetLimit"
	lower lowerBound // what a bound needs below
}

// limiters are the row bounds set by a call (a SQL LIMIT is judged in the
// query text).
var limiters = map[string]limiter{
	"(*" + gormPkg + ".DB).Limit":                    {"gorm Limit", nonNegative},
	"(*" + gorm1Pkg + ".DB).Limit":                   {"gorm Limit", nonNegative},
	"(*" + xormPkg + ".Session).Limit":               {"xorm Limit", anyLower},
	"(*" + xormPkg + ".Engine).Limit":                {"xorm Limit", anyLower},
	"(*" + optsPkg + ".FindOptions).SetLimit":        {"SetLimit", nonZero},
	"(*" + optsPkg + ".FindOptionsBuilder).SetLimit": {"SetLimit", nonZero},
}

// gormBreakers are the *gorm.DB methods after which what a chain selects
// is unknown here: a scope or a session carries conditions or paging of
// its own, FindInBatches pages, Or and Not change the meaning of the
// conditions around them, and Group and Having aggregate (a row per
// group, not per row).
var gormBreakers = map[string]bool{
	"Scopes":        true,
	"Session":       true,
	"FindInBatches": true,
	"Or":            true,
	"Not":           true,
	"Group":         true,
	"Having":        true,
}

// gormRoots open the base handle a gorm chain starts from.
var gormRoots = map[string]bool{
	gormPkg + ".Open":  true,
	gorm1Pkg + ".Open": true,
}

// mongoRoots start a chain of find options (mongoLimit).
var mongoRoots = map[string]bool{
	optsPkg + ".Find": true,
}

// A collector accumulates every row of rows or a cursor it is given.
type collector struct {
	// what says what it does with the rows; %s is the name of argument
	// into (receiver excluded) when into >= 0.
	what string
	into int
}

// collectors are the library calls that read every row of a cursor into
// memory.
var collectors = map[string]collector{
	pgxPkg + ".CollectRows":          {"collected by pgx.CollectRows", -1},
	pgxPkg + ".AppendRows":           {"appended to %s by pgx.AppendRows", 0},
	"(*" + mongoPkg + ".Cursor).All": {"decoded into %s by cursor.All", 1},
}

// passthroughs are the functions whose first result is their first
// argument in another form (text parsed into an integer, trimmed text): a
// limit read through one is the same request input, and the backward walks
// (unclamped, fromRequest) step through them (ssaflow.Origins.Passthrough).
var passthroughs = map[string]bool{
	"strconv.Atoi":      true,
	"strconv.ParseInt":  true,
	"strconv.ParseUint": true,
	"strings.TrimSpace": true,
}

// textPassthroughs return the query text of their last argument in
// another form (trimmed, or with sqlx's placeholders rebound): the query
// is judged by that text.
var textPassthroughs = map[string]bool{
	"strings.TrimSpace":            true,
	"(*" + sqlxPkg + ".DB).Rebind": true,
	"(*" + sqlxPkg + ".Tx).Rebind": true,
	sqlxPkg + ".Rebind":            true,
}

// formatters print their first argument, an integer, as text: a LIMIT
// spliced into the query text with one is bounded as the integer is.
var formatters = map[string]bool{
	"strconv.Itoa":       true,
	"strconv.FormatInt":  true,
	"strconv.FormatUint": true,
}

// neutral packages: passing a request value to them is not a validation.
var neutral = map[string]bool{
	"strconv": true, "fmt": true, "log": true, "log/slog": true, "strings": true, "errors": true,
	"net/http": true, "net/url": true, "encoding/json": true,
	sqlPkg: true, sqlxPkg: true, pgxPkg: true, pgxPkg + "/pgxpool": true, gormPkg: true, gorm1Pkg: true,
	mongoPkg: true, optsPkg: true, xormPkg: true,
	// and the server libraries of internal/httpapi (httpapi.IsPackage)
}
