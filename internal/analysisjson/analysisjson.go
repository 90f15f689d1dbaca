// Package analysisjson declares, once, the analysis JSON that unitchecker,
// multichecker and memlint's own driver print (-json) and that memlint's
// driver, language server and SARIF writer read: a tree
// {package ID: {pass: [diagnostic] | {"error": text}}}. The field names
// and tags are those of x/tools' internal driverutil.JSONDiagnostic.
package analysisjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Tree is the analysis JSON of a run: package ID -> pass -> the pass's
// diagnostics ([]Diagnostic) or its error (Error), left undecoded.
type Tree map[string]map[string]json.RawMessage

// Diagnostic is one analysis.Diagnostic.
type Diagnostic struct {
	Category string `json:"category,omitempty"`
	Posn     string `json:"posn"` // "file:line:col", //line-adjusted
	End      string `json:"end"`
	Message  string `json:"message"`
	// URL is not printed by x/tools' drivers; it is read when present.
	URL            string               `json:"url,omitempty"`
	SuggestedFixes []SuggestedFix       `json:"suggested_fixes,omitempty"`
	Related        []RelatedInformation `json:"related,omitempty"`
}

// SuggestedFix is one analysis.SuggestedFix.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// TextEdit is one analysis.TextEdit: byte offsets (not //line-adjusted)
// in the file named Filename (//line-adjusted, as the child saw it).
type TextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// RelatedInformation is one analysis.RelatedInformation.
type RelatedInformation struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// Error is the result of a pass that failed on a package.
type Error struct {
	Err string `json:"error"`
}

// ParsePosn parses "file:line:col" or "file:line" (a //line directive
// without a column leaves it unknown: 0); ok is false without a positive
// line.
func ParsePosn(s string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", 0, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return "", 0, 0, false
	}
	if j := strings.LastIndexByte(s[:i], ':'); j >= 0 {
		if l, err := strconv.Atoi(s[j+1 : i]); err == nil {
			return s[:j], l, n, l > 0
		}
	}
	return s[:i], n, 0, n > 0
}

// A Result is one pass's result on one package: its diagnostics, or the
// error it failed with (Err non-empty).
type Result struct {
	Pkg, Pass   string
	Diagnostics []Diagnostic
	Err         string
}

// Decode reads a stream of trees (one per package for unitchecker, one per
// run for the others) and calls visit for each pass's result on each
// package. It stops at the first error of the stream's syntax or of
// visit.
func Decode(r io.Reader, visit func(Result) error) error {
	dec := json.NewDecoder(r)
	for {
		var tree Tree
		if err := dec.Decode(&tree); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return err
		}
		for pkg, passes := range tree {
			for pass, raw := range passes {
				res := Result{Pkg: pkg, Pass: pass}
				if len(raw) > 0 && raw[0] == '{' {
					var e Error
					if err := json.Unmarshal(raw, &e); err != nil {
						return fmt.Errorf("package %s, pass %s: %v", pkg, pass, err)
					}
					res.Err = e.Err
					if res.Err == "" {
						res.Err = "failed (no error text)"
					}
				} else if err := json.Unmarshal(raw, &res.Diagnostics); err != nil {
					return fmt.Errorf("package %s, pass %s: %v", pkg, pass, err)
				}
				if err := visit(res); err != nil {
					return err
				}
			}
		}
	}
}
