package analysisjson

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestParsePosn(t *testing.T) {
	for _, tc := range []struct {
		in        string
		file      string
		line, col int
		ok        bool
	}{
		{"/a/b.go:3:7", "/a/b.go", 3, 7, true},
		{"C:/a/b.go:3:7", "C:/a/b.go", 3, 7, true},
		{"/a/b.go:3", "/a/b.go", 3, 0, true}, // //line without a column
		{"/a/b.go:0:1", "/a/b.go", 0, 1, false},
		{"/a/b.go:x", "", 0, 0, false},
		{"nocolon", "", 0, 0, false},
	} {
		file, line, col, ok := ParsePosn(tc.in)
		if file != tc.file || line != tc.line || col != tc.col || ok != tc.ok {
			t.Errorf("ParsePosn(%q) = %q, %d, %d, %v; want %q, %d, %d, %v", tc.in, file, line, col, ok, tc.file, tc.line, tc.col, tc.ok)
		}
	}
}

// TestRoundTrip decodes what x/tools' drivers print and prints it again
// the same way (omitempty where they omit).
func TestRoundTrip(t *testing.T) {
	const in = `{"p":{"unclosed":[{"posn":"a.go:1:2","end":"a.go:1:3","message":"m","suggested_fixes":[{"message":"Fix","edits":[{"filename":"a.go","start":1,"end":2,"new":"x"}]}],"related":[{"posn":"a.go:2:1","end":"a.go:2:1","message":"here"}]}],"bigbuffer":{"error":"boom"}}}`
	var tree Tree
	if err := json.Unmarshal([]byte(in), &tree); err != nil {
		t.Fatal(err)
	}
	var diags []Diagnostic
	if err := json.Unmarshal(tree["p"]["unclosed"], &diags); err != nil {
		t.Fatal(err)
	}
	var e Error
	if err := json.Unmarshal(tree["p"]["bigbuffer"], &e); err != nil || e.Err != "boom" {
		t.Fatalf("error result: %v, %q", err, e.Err)
	}
	out, _ := json.Marshal(diags)
	if string(out) != string(tree["p"]["unclosed"]) {
		t.Errorf("round trip:\n got %s\nwant %s", out, tree["p"]["unclosed"])
	}
	bare, _ := json.Marshal(Diagnostic{Posn: "a.go:1:1", End: "a.go:1:1", Message: "m"})
	if want := `{"posn":"a.go:1:1","end":"a.go:1:1","message":"m"}`; string(bare) != want {
		t.Errorf("bare diagnostic = %s, want %s", bare, want)
	}
}

func TestDecode(t *testing.T) {
	stream := `{"a": {"p": [{"posn": "a.go:1:2", "end": "", "message": "m"}]}}
{"b": {"p": {"error": "boom"}, "q": []}}`
	var got []string
	err := Decode(strings.NewReader(stream), func(r Result) error {
		switch {
		case r.Err != "":
			got = append(got, r.Pkg+" "+r.Pass+" error "+r.Err)
		case len(r.Diagnostics) > 0:
			got = append(got, r.Pkg+" "+r.Pass+" "+r.Diagnostics[0].Posn+" "+r.Diagnostics[0].Message)
		default:
			got = append(got, r.Pkg+" "+r.Pass+" none")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{"a p a.go:1:2 m", "b p error boom", "b q none"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := Decode(strings.NewReader(`{"a": {"p": [1]}}`), func(Result) error { return nil }); err == nil {
		t.Error("a malformed diagnostic list decoded without error")
	}
}
