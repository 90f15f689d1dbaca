package jsonindent

// kind says how an indenting API receives its value and where its output
// goes.
type kind int

const (
	// marshalIndent returns the indented document: value is Args[value].
	marshalIndent kind = iota
	// indentBuf indents the bytes Args[1] into the *bytes.Buffer Args[0].
	indentBuf
	// setIndent makes later Encode calls on the receiver indent.
	setIndent
	// respond encodes Args[value] indented into the HTTP response.
	respond
)

// lib says what indenting costs in a library.
type lib int

const (
	// doubling libraries (encoding/json, and gin and echo, which use it)
	// build the compact document and then an indented copy of it.
	doubling lib = iota
	// direct libraries (goccy/go-json, json-iterator) write the indented
	// document straight into one buffer.
	direct
)

// fix is the suggested fix of a rule.
type fix int

const (
	noFix fix = iota
	toMarshal
	dropSetIndent
	toJSON // IndentedJSON -> JSON
	toJSONDropIndent
)

type rule struct {
	kind  kind
	value int    // index of the value argument (marshalIndent, respond)
	name  string // how messages name the API
	lib   lib
	fix   fix
	// indentArgs are the argument indices whose constant "" means no
	// indentation at all.
	indentArgs []int
}

// rules maps apimatch keys of the indenting APIs to their rule.
var rules = map[string]rule{
	"encoding/json.MarshalIndent":        {kind: marshalIndent, name: "json.MarshalIndent", lib: doubling, fix: toMarshal, indentArgs: []int{1, 2}},
	"encoding/json.Indent":               {kind: indentBuf, name: "json.Indent", indentArgs: []int{2, 3}},
	"(*encoding/json.Encoder).SetIndent": {kind: setIndent, name: "(*json.Encoder).SetIndent", lib: doubling, fix: dropSetIndent, indentArgs: []int{0, 1}},

	"github.com/goccy/go-json.MarshalIndent":           {kind: marshalIndent, name: "goccy/go-json MarshalIndent", lib: direct, fix: toMarshal, indentArgs: []int{1, 2}},
	"github.com/goccy/go-json.MarshalIndentWithOption": {kind: marshalIndent, name: "goccy/go-json MarshalIndentWithOption", lib: direct, fix: toMarshal, indentArgs: []int{1, 2}},
	"github.com/goccy/go-json.Indent":                  {kind: indentBuf, name: "goccy/go-json Indent", indentArgs: []int{2, 3}},
	"(*github.com/goccy/go-json.Encoder).SetIndent":    {kind: setIndent, name: "goccy/go-json (*Encoder).SetIndent", lib: direct, fix: dropSetIndent, indentArgs: []int{0, 1}},

	"github.com/json-iterator/go.MarshalIndent":        {kind: marshalIndent, name: "jsoniter.MarshalIndent", lib: direct, fix: toMarshal, indentArgs: []int{1, 2}},
	"(github.com/json-iterator/go.API).MarshalIndent":  {kind: marshalIndent, name: "jsoniter.API.MarshalIndent", lib: direct, fix: toMarshal, indentArgs: []int{1, 2}},
	"(*github.com/json-iterator/go.Encoder).SetIndent": {kind: setIndent, name: "(*jsoniter.Encoder).SetIndent", lib: direct, fix: dropSetIndent, indentArgs: []int{0, 1}},

	"(*github.com/gin-gonic/gin.Context).IndentedJSON": {kind: respond, value: 1, name: "(*gin.Context).IndentedJSON", lib: doubling, fix: toJSON},
	"(github.com/labstack/echo.Context).JSONPretty":    {kind: respond, value: 1, name: "echo.Context.JSONPretty", lib: doubling, fix: toJSONDropIndent, indentArgs: []int{2}},
	"(*github.com/labstack/echo.Context).JSONPretty":   {kind: respond, value: 1, name: "(*echo.Context).JSONPretty", lib: doubling, fix: toJSONDropIndent, indentArgs: []int{2}}, // v5
}

// encodes maps the keys of the Encode methods of the encoders SetIndent
// configures to the index of their value argument.
var encodes = map[string]int{
	"(*encoding/json.Encoder).Encode":                      0,
	"(*github.com/goccy/go-json.Encoder).Encode":           0,
	"(*github.com/goccy/go-json.Encoder).EncodeWithOption": 0,
	"(*github.com/goccy/go-json.Encoder).EncodeContext":    1,
	"(*github.com/json-iterator/go.Encoder).Encode":        0,
}

// marshals are the compact Marshal functions whose output json.Indent is
// commonly given; Args[0] is the value.
var marshals = map[string]bool{
	"encoding/json.Marshal":                     true,
	"github.com/goccy/go-json.Marshal":          true,
	"github.com/json-iterator/go.Marshal":       true,
	"(github.com/json-iterator/go.API).Marshal": true,
}

// newEncoders are the constructors of those encoders; Args[0] is the writer.
var newEncoders = map[string]bool{
	"encoding/json.NewEncoder":                     true,
	"github.com/goccy/go-json.NewEncoder":          true,
	"github.com/json-iterator/go.NewEncoder":       true,
	"(github.com/json-iterator/go.API).NewEncoder": true,
}

// importPaths are the canonical paths of the packages declaring the APIs
// above (the fast path).
var importPaths = []string{
	"encoding/json",
	"github.com/goccy/go-json",
	"github.com/json-iterator/go",
	"github.com/gin-gonic/gin",
	"github.com/labstack/echo",
}

// cost states what indenting costs, per library. encoding/json (and gin's
// IndentedJSON and echo's JSONPretty, built on it) marshals the compact
// document and then appends an indented copy of it (MarshalIndent, and
// Encoder.Encode after SetIndent); goccy/go-json and json-iterator write
// the indented document directly, so indentation only adds whitespace.
func (r rule) cost() string {
	if r.lib == direct && r.kind != indentBuf {
		return "builds the whole document in memory with its indentation whitespace"
	}
	return "holds the compact and the indented document in memory at once"
}

// cure says what to do instead, and exactly what it saves: compact
// encoding (Marshal, Encoder.Encode, JSON) still builds the whole compact
// document in a buffer before writing it.
func (r rule) cure() string {
	if r.lib == direct && r.kind != indentBuf {
		if r.fix == dropSetIndent {
			return "drop the SetIndent call to save the whitespace"
		}
		return "use Marshal to save the whitespace"
	}
	switch r.fix {
	case toJSON, toJSONDropIndent:
		return "use JSON to drop the indented copy"
	case dropSetIndent:
		return "remove the SetIndent call to drop the indented copy"
	}
	if r.kind == indentBuf {
		return "write the compact bytes to drop the indented copy"
	}
	return "use json.Marshal or json.NewEncoder(w).Encode to drop the indented copy"
}
