package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const listAll = `
func listAll(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, "SELECT message FROM audit_log")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
`

// TestCommand runs `memlint -sarif ./...` (querylimit only, on a module
// whose only dependency is database/sql) and validates the log: a finding
// in a plain file, and one under a //line directive naming a file outside
// the module, which the log places where the code is.
func TestCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("builds memlint and analyses database/sql's dependencies")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "memlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/memlint")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(tmp, "mod")
	header := "package repo\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n"
	write(t, filepath.Join(mod, "go.mod"), "module example.com/mod\n\ngo 1.22\n")
	write(t, filepath.Join(mod, "repo", "plain.go"), header+listAll)
	write(t, filepath.Join(mod, "repo", "evil.go"), header+"\n//line ../../victim/victim.go:1:1"+strings.Replace(listAll, "listAll", "listEvil", 1))

	cmd := exec.Command(bin, "-querylimit", "-sarif", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "MEMLINT_CACHE="+filepath.Join(tmp, "cache"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("memlint -sarif: %v (exit 0 expected with findings)\n%s", err, stderr.String())
	}
	Validate(t, stdout.Bytes())
	var lg log
	if err := json.Unmarshal(stdout.Bytes(), &lg); err != nil {
		t.Fatal(err)
	}
	r := lg.Runs[0]
	if len(r.Tool.Driver.Rules) != 1 || r.Tool.Driver.Rules[0].ID != "querylimit" || r.Tool.Driver.Rules[0].HelpURI == "" {
		t.Errorf("rules %+v", r.Tool.Driver.Rules)
	}
	var got []string
	for _, res := range r.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine)+" "+res.RuleID)
	}
	// plain.go:9, and evil.go:10 where the directive says victim.go:2.
	want := []string{"repo/evil.go:10 querylimit", "repo/plain.go:9 querylimit"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
