package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"golang.org/x/tools/go/analysis"
)

// schema is the SARIF 2.1.0 JSON schema (2.1.0-rtm.5, the OASIS standard's
// final schema), pinned from the npm package @microsoft/jest-sarif
// 1.0.0-beta.0, lib/schemas/sarif-2.1.0-rtm.5.json (MIT), sha256
// 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8.
const schema = "testdata/sarif-2.1.0-rtm.5.json"

// Validate checks a SARIF log against the pinned schema.
func Validate(t *testing.T, data []byte) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	f, err := os.Open(schema)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := c.AddResource("sarif.json", f); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("SARIF log does not match the 2.1.0 schema: %#v\n%s", err, data)
	}
}

func TestSchemaRejectsBadLog(t *testing.T) {
	// The validator is live: a log without runs fails.
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	f, _ := os.Open(schema)
	defer f.Close()
	c.AddResource("sarif.json", f)
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(map[string]any{"version": "2.1.0"}); err == nil {
		t.Error("a log without runs validated")
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWrite(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "api")
	plain := filepath.Join(dir, "api.go")
	evil := filepath.Join(dir, "evil.go")
	victim := filepath.Join(root, "victim", "victim.go")
	plainSrc := "package api\n\n// é𝄞\nfunc H() { x := 1; _ = x }\n"
	evilSrc := "package api\n\n//line ../victim/victim.go:1\nfunc G() { y() }\n"
	write(t, plain, plainSrc)
	write(t, evil, evilSrc)
	write(t, victim, "package victim\n")
	xoff := strings.Index(plainSrc, "x :=")
	yoff := strings.Index(evilSrc, "y()")

	diags := []map[string]any{
		{
			"posn": plain + ":4:12", "end": plain + ":4:18", "message": "x leaks 1 MiB",
			"suggested_fixes": []any{map[string]any{"message": "Rename x", "edits": []any{
				map[string]any{"filename": plain, "start": xoff, "end": xoff + 1, "new": "z"},
			}}},
			"related": []any{map[string]any{"posn": plain + ":3:1", "end": plain + ":3:3", "message": "returned here"}},
		},
		{
			// A //line directive in evil.go names victim.go: the
			// location is evil.go's, and the fix edits evil.go.
			"posn": victim + ":1", "end": victim + ":1", "message": "y leaks",
			"suggested_fixes": []any{map[string]any{"message": "Rename y", "edits": []any{
				map[string]any{"filename": victim, "start": yoff, "end": yoff + 1, "new": "w"},
			}}},
		},
		{
			// An edit that no file of the package can hold: no fix.
			"posn": plain + ":1:1", "end": plain + ":1:8", "message": "package leaks",
			"suggested_fixes": []any{map[string]any{"message": "Delete", "edits": []any{
				map[string]any{"filename": victim, "start": 0, "end": 7, "new": ""},
			}}},
		},
	}
	raw, _ := json.Marshal(diags)
	tree := map[string]map[string]json.RawMessage{
		"example.com/api": {
			"leak":   raw,
			"broken": json.RawMessage(`{"error":"internal error: boom"}`),
		},
		// The test variant reports the same findings again.
		"example.com/api [example.com/api.test]": {"leak": raw},
	}
	leak := &analysis.Analyzer{Name: "leak", Doc: "report leaks\n\nLeaks cost memory.\n\nMore.", URL: "https://example.com/leak"}
	broken := &analysis.Analyzer{Name: "broken", Doc: "report nothing"}

	var buf bytes.Buffer
	sum, err := Write(&buf, []Package{{Dir: dir, CompiledGoFiles: []string{plain, evil}, Tree: tree}}, Options{
		Analyzers: []*analysis.Analyzer{leak, broken}, BaseDir: root,
	})
	if err != nil {
		t.Fatal(err)
	}
	Validate(t, buf.Bytes())
	if sum.Results != 3 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], "boom") {
		t.Errorf("summary %+v", sum)
	}

	var lg log
	if err := json.Unmarshal(buf.Bytes(), &lg); err != nil {
		t.Fatal(err)
	}
	r := lg.Runs[0]
	d := r.Tool.Driver
	if d.Name != "memlint" || d.InformationURI == "" || d.Version == "" || len(d.Rules) != 2 {
		t.Fatalf("driver %+v", d)
	}
	if ru := d.Rules[0]; ru.ID != "leak" || ru.ShortDescription.Text != "report leaks" || ru.HelpURI != "https://example.com/leak" ||
		ru.FullDescription == nil || ru.FullDescription.Text != "Leaks cost memory." {
		t.Errorf("rule %+v", ru)
	}
	if inv := r.Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("invocation %+v", inv)
	}
	byMsg := make(map[string]result)
	for _, res := range r.Results {
		byMsg[res.Message.Text] = res
	}

	res := byMsg["x leaks 1 MiB"]
	loc := res.Locations[0].PhysicalLocation
	// Byte column 12 is UTF-16 column 12 on an ASCII line.
	if loc.ArtifactLocation.URI != "api/api.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		*loc.Region != (region{StartLine: 4, StartColumn: 12, EndLine: 4, EndColumn: 18}) {
		t.Errorf("location %+v %+v", loc.ArtifactLocation, loc.Region)
	}
	if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].Message.Text != "returned here" || *res.RelatedLocations[0].ID != 1 {
		t.Errorf("related %+v", res.RelatedLocations)
	}
	if len(res.Fixes) != 1 || res.Fixes[0].Description.Text != "Rename x" {
		t.Fatalf("fixes %+v", res.Fixes)
	}
	ch := res.Fixes[0].ArtifactChanges[0]
	rep := ch.Replacements[0]
	if ch.ArtifactLocation.URI != "api/api.go" || *rep.DeletedRegion.ByteOffset != xoff || *rep.DeletedRegion.ByteLength != 1 || rep.InsertedContent.Text != "z" {
		t.Errorf("change %+v %+v", ch, rep)
	}

	res = byMsg["y leaks"]
	loc = res.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "api/evil.go" || loc.Region.StartLine != 4 {
		t.Errorf("//line location %+v %+v, want api/evil.go line 4", loc.ArtifactLocation, loc.Region)
	}
	if len(res.Fixes) != 1 || res.Fixes[0].ArtifactChanges[0].ArtifactLocation.URI != "api/evil.go" ||
		*res.Fixes[0].ArtifactChanges[0].Replacements[0].DeletedRegion.ByteOffset != yoff {
		t.Errorf("//line fix %+v", res.Fixes)
	}
	if res := byMsg["package leaks"]; len(res.Fixes) != 0 {
		t.Errorf("a fix outside the package's files was kept: %+v", res.Fixes)
	}
}

func TestUTF16Columns(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.go")
	write(t, f, "package a\n\n// é𝄞x\n")
	w := &writer{files: map[string][]byte{}}
	for _, tc := range []struct{ byteCol, want int }{{1, 1}, {4, 4}, {6, 5}, {10, 7}, {11, 8}} {
		if got := w.utf16Col(f, 3, tc.byteCol); got != tc.want {
			t.Errorf("byte column %d: UTF-16 column %d, want %d", tc.byteCol, got, tc.want)
		}
	}
}

// TestValidateFile validates the log named by $MEMLINT_SARIF_FILE, e.g.
// `memlint -sarif ./... > /tmp/x.sarif; MEMLINT_SARIF_FILE=/tmp/x.sarif go
// test -run ValidateFile ./internal/sarif`.
func TestValidateFile(t *testing.T) {
	name := os.Getenv("MEMLINT_SARIF_FILE")
	if name == "" {
		t.Skip("MEMLINT_SARIF_FILE not set")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	Validate(t, data)
}
