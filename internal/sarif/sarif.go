// Package sarif writes memlint's findings as a SARIF 2.1.0 log, the format
// GitHub, GitLab and Azure DevOps code scanning ingest.
//
// The input is the analysis JSON of unitchecker and memlint's driver, one
// tree per package ({ID: {pass: [diagnostic] | {"error": text}}}). The log
// has one run whose tool.driver lists a rule per pass (its name, the title
// of its doc as the short description, the doc as help, Analyzer.URL as
// helpUri), and a result per finding with its related information as
// relatedLocations and its suggested fixes as fixes (byte-offset
// replacements). A pass that failed on a package becomes a
// toolExecutionNotification and marks the invocation unsuccessful.
//
// Locations are //line-adjusted, as in memlint's text output, except where
// a directive in one of the package's own files names another file: then
// the location is the real one (see internal/linemap). A fix is written only
// when every edit resolves to one of the package's own files.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint/internal/analysisjson"
	"github.com/memlint/memlint/internal/linemap"
	"github.com/memlint/memlint/internal/version"
)

// Package is one analysed package.
type Package struct {
	Dir             string   // its directory
	CompiledGoFiles []string // absolute paths, as go list -compiled names them
	// Tree is its analysis JSON: {ID: {pass: [diagnostic] | {"error": text}}}.
	Tree map[string]map[string]json.RawMessage
}

// Options of a log.
type Options struct {
	Analyzers []*analysis.Analyzer // the passes that ran, for the rules
	// BaseDir is the directory that artifact URIs are relative to (under
	// the %SRCROOT% base id), normally the repository root or the
	// current directory; files outside it get absolute file: URIs.
	BaseDir string
}

// InformationURI is memlint's home page in the log.
const InformationURI = "https://github.com/memlint/memlint"

// Summary says what a log holds.
type Summary struct {
	Results int
	Errors  []string // passes that failed, also in the log as notifications
}

// Write writes the SARIF log of pkgs to w.
func Write(w io.Writer, pkgs []Package, opts Options) (Summary, error) {
	lg := build(pkgs, opts)
	sum := Summary{Results: len(lg.Runs[0].Results)}
	for _, n := range lg.Runs[0].Invocations[0].ToolExecutionNotifications {
		sum.Errors = append(sum.Errors, n.Message.Text)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return sum, enc.Encode(lg)
}

// The SARIF 2.1.0 objects memlint writes (a subset of the schema).
type (
	log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []*run `json:"runs"`
	}
	run struct {
		Tool               tool                   `json:"tool"`
		Invocations        []invocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]artifactLoc `json:"originalUriBaseIds,omitempty"`
		Results            []result               `json:"results"`
		ColumnKind         string                 `json:"columnKind"`
	}
	tool struct {
		Driver toolComponent `json:"driver"`
	}
	toolComponent struct {
		Name           string `json:"name"`
		Version        string `json:"version"`
		InformationURI string `json:"informationUri"`
		Rules          []rule `json:"rules"`
	}
	rule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     message       `json:"shortDescription"`
		FullDescription      *message      `json:"fullDescription,omitempty"`
		Help                 *message      `json:"help,omitempty"`
		HelpURI              string        `json:"helpUri,omitempty"`
		DefaultConfiguration *ruleConfig   `json:"defaultConfiguration,omitempty"`
		Properties           *ruleProperty `json:"properties,omitempty"`
	}
	ruleConfig struct {
		Level string `json:"level"`
	}
	ruleProperty struct {
		Tags []string `json:"tags,omitempty"`
	}
	invocation struct {
		ExecutionSuccessful        bool           `json:"executionSuccessful"`
		ToolExecutionNotifications []notification `json:"toolExecutionNotifications,omitempty"`
	}
	notification struct {
		Level      string            `json:"level"`
		Message    message           `json:"message"`
		Descriptor *reportingDescRef `json:"associatedRule,omitempty"`
	}
	reportingDescRef struct {
		ID    string `json:"id"`
		Index int    `json:"index"`
	}
	message struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	result struct {
		RuleID           string     `json:"ruleId"`
		RuleIndex        int        `json:"ruleIndex"`
		Level            string     `json:"level"`
		Message          message    `json:"message"`
		Locations        []location `json:"locations"`
		RelatedLocations []location `json:"relatedLocations,omitempty"`
		Fixes            []fix      `json:"fixes,omitempty"`
	}
	location struct {
		ID               *int             `json:"id,omitempty"`
		PhysicalLocation physicalLocation `json:"physicalLocation"`
		Message          *message         `json:"message,omitempty"`
	}
	physicalLocation struct {
		ArtifactLocation artifactLoc `json:"artifactLocation"`
		Region           *region     `json:"region,omitempty"`
	}
	artifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	region struct {
		StartLine   int `json:"startLine,omitempty"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
		// For replacements: the bytes to delete.
		ByteOffset *int `json:"byteOffset,omitempty"`
		ByteLength *int `json:"byteLength,omitempty"`
	}
	fix struct {
		Description     message          `json:"description"`
		ArtifactChanges []artifactChange `json:"artifactChanges"`
	}
	artifactChange struct {
		ArtifactLocation artifactLoc   `json:"artifactLocation"`
		Replacements     []replacement `json:"replacements"`
	}
	replacement struct {
		DeletedRegion   region           `json:"deletedRegion"`
		InsertedContent *artifactContent `json:"insertedContent,omitempty"`
	}
	artifactContent struct {
		Text string `json:"text"`
	}
)

const srcRoot = "%SRCROOT%"

func build(pkgs []Package, opts Options) *log {
	r := &run{ColumnKind: "utf16CodeUnits", Results: []result{}}
	r.Tool.Driver = toolComponent{Name: "memlint", Version: version.Module(), InformationURI: InformationURI, Rules: []rule{}}
	index := make(map[string]int)
	for _, a := range opts.Analyzers {
		title, body, _ := strings.Cut(a.Doc, "\n\n")
		ru := rule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     message{Text: strings.TrimSpace(title)},
			HelpURI:              a.URL,
			DefaultConfiguration: &ruleConfig{Level: "warning"},
			Properties:           &ruleProperty{Tags: []string{"memory"}},
		}
		if body = strings.TrimSpace(body); body != "" {
			first, _, _ := strings.Cut(body, "\n\n")
			ru.FullDescription = &message{Text: strings.Join(strings.Fields(first), " ")}
			ru.Help = &message{Text: a.Doc, Markdown: a.Doc}
		}
		index[a.Name] = len(r.Tool.Driver.Rules)
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, ru)
	}
	base := ""
	if opts.BaseDir != "" {
		if abs, err := filepath.Abs(opts.BaseDir); err == nil {
			base = abs
			r.OriginalURIBaseIDs = map[string]artifactLoc{srcRoot: {URI: fileURL(abs) + "/"}}
		}
	}
	w := &writer{base: base, files: make(map[string][]byte)}
	inv := invocation{ExecutionSuccessful: true}
	seen := make(map[string]bool)
	for _, p := range pkgs {
		lm := linemap.New(p.Dir, p.CompiledGoFiles)
		w.lm = lm
		for _, id := range sortedKeys(p.Tree) {
			for _, pass := range sortedKeys(p.Tree[id]) {
				raw := p.Tree[id][pass]
				ri, known := index[pass]
				if len(raw) > 0 && raw[0] == '{' {
					var e analysisjson.Error
					json.Unmarshal(raw, &e)
					n := notification{Level: "error", Message: message{Text: fmt.Sprintf("%s: %s: %s", id, pass, e.Err)}}
					if known {
						n.Descriptor = &reportingDescRef{ID: pass, Index: ri}
					}
					inv.ExecutionSuccessful = false
					inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
					continue
				}
				var diags []analysisjson.Diagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					inv.ExecutionSuccessful = false
					inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, notification{
						Level: "error", Message: message{Text: fmt.Sprintf("%s: %s: bad analysis output: %v", id, pass, err)},
					})
					continue
				}
				if !known {
					// A pass not in Options (should not happen): add a
					// bare rule so that ruleIndex stays valid.
					ri = len(r.Tool.Driver.Rules)
					index[pass] = ri
					r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, rule{ID: pass, Name: pass, ShortDescription: message{Text: pass}})
				}
				for _, d := range diags {
					// Test variants of a package report a finding in a
					// shared file again: once each.
					k := pass + "\x00" + d.Posn + "\x00" + d.End + "\x00" + d.Message
					if seen[k] {
						continue
					}
					seen[k] = true
					if res, ok := w.result(pass, ri, d); ok {
						r.Results = append(r.Results, res)
					}
				}
			}
		}
	}
	sort.SliceStable(r.Results, func(i, j int) bool {
		a, b := r.Results[i].Locations[0].PhysicalLocation, r.Results[j].Locations[0].PhysicalLocation
		if a.ArtifactLocation.URI != b.ArtifactLocation.URI {
			return a.ArtifactLocation.URI < b.ArtifactLocation.URI
		}
		if a.Region.StartLine != b.Region.StartLine {
			return a.Region.StartLine < b.Region.StartLine
		}
		return a.Region.StartColumn < b.Region.StartColumn
	})
	r.Invocations = []invocation{inv}
	return &log{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []*run{r}}
}

type writer struct {
	base  string
	lm    *linemap.Package
	files map[string][]byte // contents read for column conversion
}

func (w *writer) result(pass string, ri int, d analysisjson.Diagnostic) (result, bool) {
	loc, ok := w.location(d.Posn, d.End)
	if !ok {
		return result{}, false
	}
	res := result{RuleID: pass, RuleIndex: ri, Level: "warning", Message: message{Text: d.Message}, Locations: []location{loc}}
	for i, rel := range d.Related {
		rl, ok := w.location(rel.Posn, rel.End)
		if !ok {
			continue
		}
		id := i + 1
		rl.ID = &id
		rl.Message = &message{Text: rel.Message}
		res.RelatedLocations = append(res.RelatedLocations, rl)
	}
fixes:
	for _, sf := range d.SuggestedFixes {
		f := fix{Description: message{Text: sf.Message}}
		byFile := make(map[string]int)
		for _, e := range sf.Edits {
			file, ok := w.lm.Edit(e.Filename, e.Start, e.End)
			if !ok {
				continue fixes // not provably in the package's own files
			}
			i, ok := byFile[file]
			if !ok {
				i = len(f.ArtifactChanges)
				byFile[file] = i
				f.ArtifactChanges = append(f.ArtifactChanges, artifactChange{ArtifactLocation: w.artifact(file)})
			}
			off, n := e.Start, e.End-e.Start
			rep := replacement{DeletedRegion: region{ByteOffset: &off, ByteLength: &n}}
			if e.New != "" {
				rep.InsertedContent = &artifactContent{Text: e.New}
			}
			f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements, rep)
		}
		if len(f.ArtifactChanges) > 0 {
			res.Fixes = append(res.Fixes, f)
		}
	}
	return res, true
}

// location turns a posn and end of analysis JSON into a location.
func (w *writer) location(posn, end string) (location, bool) {
	file, line, col, ok := analysisjson.ParsePosn(posn)
	if !ok {
		return location{}, false
	}
	efile, eline, ecol, eok := analysisjson.ParsePosn(end)
	// A position in one of the package's own files (a directive there
	// may name another file, or other lines): report the real place.
	if name, off, own, ok := w.lm.Pos(file, line, col); ok && own {
		content := w.lm.Content(name)
		line, col = lineCol(content, off)
		file = name
		eok = false
		if ename, eoff, eown, ok := w.lm.Pos(efile, eline, ecol); ok && eown && ename == name {
			eline, ecol = lineCol(content, eoff)
			efile, eok = name, true
		}
	}
	rg := &region{StartLine: line}
	if col > 0 {
		rg.StartColumn = w.utf16Col(file, line, col)
	}
	if eok && filepath.Clean(efile) == filepath.Clean(file) && (eline > line || eline == line && ecol >= col) {
		rg.EndLine = eline
		if ecol > 0 && col > 0 {
			rg.EndColumn = w.utf16Col(file, eline, ecol)
		}
	}
	return location{PhysicalLocation: physicalLocation{ArtifactLocation: w.artifact(file), Region: rg}}, true
}

// artifact is the location of file: relative to the base directory under
// %SRCROOT% when inside it, else an absolute file: URI.
func (w *writer) artifact(file string) artifactLoc {
	if w.base != "" {
		if rel, err := filepath.Rel(w.base, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return artifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRoot}
		}
	}
	return artifactLoc{URI: fileURL(file)}
}

func fileURL(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// utf16Col converts a 1-based byte column to the 1-based UTF-16 column SARIF
// counts by default, reading the file; the byte column when it cannot.
func (w *writer) utf16Col(file string, line, col int) int {
	content, ok := w.files[file]
	if !ok {
		content = readFile(file)
		w.files[file] = content
	}
	start := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(string(content[start:]), '\n')
		if i < 0 {
			return col
		}
		start += i + 1
	}
	end := min(start+col-1, len(content))
	n := 1
	for b := content[start:end]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineCol is the 1-based line and byte column of offset in content.
func lineCol(content []byte, offset int) (int, int) {
	line, start := 1, 0
	for i := 0; i < offset && i < len(content); i++ {
		if content[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, offset - start + 1
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func readFile(name string) []byte {
	data, _ := os.ReadFile(name)
	return data
}
