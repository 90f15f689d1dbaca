// Package odd holds odd but valid Go around indenting encoders: generics,
// method values, func values, closures, recursive types.
package odd

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

type Tree struct {
	Name string
	Kids []*Tree
}

// A recursive type without slices or maps: bounded.
type List struct {
	Val  int
	Next *List
}

// tree reads every row of a query into the tree's kids.
func tree() *Tree {
	t := &Tree{Name: "root"}
	rows, _ := store.Query("SELECT * FROM t")
	for rows.Next() {
		t.Kids = append(t.Kids, &Tree{})
	}
	return t
}

var store *sql.DB

// A generic request-path helper: T is of unknown size; reported at the
// call that gives it an unbounded value.
func respond[T any](w http.ResponseWriter, v T) { // want respond:`json.MarshalIndent indents\(1\) requestPath`
	b, _ := json.MarshalIndent(v, "", "  ")
	w.Write(b)
}

func useRespond(w http.ResponseWriter, r *http.Request) {
	respond(w, tree())     // want `^json.MarshalIndent of \*Tree \(rows of a query\) via respond on a request path`
	respond[*List](w, nil) // fine: a bounded list node
}

// A generic helper returning the document, used by a handler of this
// package: reported at the handler's call.
func pretty[T any](v T) ([]byte, error) { // want pretty:`json.MarshalIndent indents\(0\) intoResult`
	return json.MarshalIndent(v, "", "  ")
}

func getTree(w http.ResponseWriter, r *http.Request) {
	b, _ := pretty(tree()) // want `^json.MarshalIndent of \*Tree \(rows of a query\) via pretty on a request path`
	w.Write(b)
}

func recursive(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(tree(), "", "  ") // want `json.MarshalIndent of \*Tree \(rows of a query\)`
	w.Write(b)
}

// Fine: a linked list of scalars has no slice, map or chan.
func linked(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(&List{Val: 1}, "", "  ")
	w.Write(b)
}

// Fine (a documented limit): the encoder is called through a func value.
func funcValue(w http.ResponseWriter, r *http.Request) {
	marshal := json.MarshalIndent
	b, _ := marshal(tree(), "", "  ")
	w.Write(b)
}

// Method values of the encoder.
func methodValue(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	setIndent := enc.SetIndent
	setIndent("", "  ") // fine (a documented limit): a func value
	encode := enc.Encode
	encode(tree())
}

// Fine: an immediately called closure in a command.
func closure() []byte {
	return func() []byte {
		b, _ := json.MarshalIndent(tree(), "", "  ")
		return b
	}()
}

// A closure in a handler whose parameter is of unknown size: closures
// carry no helper fact, so the call write(tree()) is not followed (a
// documented limit; silent rather than reported in the closure whatever
// it is given).
func closureInHandler(w http.ResponseWriter, r *http.Request) {
	write := func(v any) {
		b, _ := json.MarshalIndent(v, "", "  ")
		w.Write(b)
	}
	write(tree())
}

// Fine: the value is an interface that is not a parameter.
func unknown(w http.ResponseWriter, r *http.Request) {
	var v any = tree()
	b, _ := json.MarshalIndent(v, "", "  ")
	w.Write(b)
}

// Chans count as unbounded by type (encoding them fails, after
// buffering); a parameter holds no rows: silent.
func chans(w http.ResponseWriter, r *http.Request, ch chan int) {
	b, _ := json.MarshalIndent(struct{ C chan int }{ch}, "", "  ") // silent: a parameter holds no rows of a query
	w.Write(b)
}

// Arrays: fixed size of scalars is bounded; of slices is not, but a
// parameter holds no rows: silent, and a request-path helper for its
// callers.
func arrays(w http.ResponseWriter, r *http.Request, a [4]int, s [2][]int) { // want arrays:`json.MarshalIndent indents\(3\) requestPath`
	b, _ := json.MarshalIndent(a, "", "  ")
	w.Write(b)
	b, _ = json.MarshalIndent(s, "", "  ") // silent: a parameter holds no rows of a query
	w.Write(b)
}

// Fine: an error parameter is some specific small value, not "anything".
func writeError(w http.ResponseWriter, err error) {
	b, _ := json.MarshalIndent(err, "", "  ")
	w.Write(b)
}

func triple() (any, string, string) { return nil, "", "  " }

// Fine: a multi-value call as the arguments; its value is unknown.
func multiValue(w http.ResponseWriter, r *http.Request) {
	b, _ := json.MarshalIndent(triple())
	w.Write(b)
	w.Write(must(json.MarshalIndent(tree(), "", "  "))) // want `json.MarshalIndent of \*Tree \(rows of a query\)`
}

func must(b []byte, err error) []byte { return b }

// A type parameter constrained to slices is unbounded, but whether it
// holds rows is its callers' to say: a request-path helper.
func slices[S ~[]E, E any](w http.ResponseWriter, s S) { // want slices:`json.MarshalIndent indents\(1\) requestPath`
	b, _ := json.MarshalIndent(s, "", "  ")
	w.Write(b)
}

func useSlices(w http.ResponseWriter, r *http.Request) {
	slices(w, []*Tree{tree()}) // want `json.MarshalIndent of \[\]\*Tree \(rows of a query\) via slices`
	slices(w, []int{1, 2})     // silent: constants, no rows
}

// Fine: a type parameter constrained to scalars.
func scalars[N ~int | ~float64](w http.ResponseWriter, n N) {
	b, _ := json.MarshalIndent(n, "", "  ")
	w.Write(b)
}
