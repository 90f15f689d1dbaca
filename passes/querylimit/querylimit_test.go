package querylimit

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), Analyzer,
		"querylimit/sqldb", "querylimit/sqlxdb", "querylimit/pgxdb", "querylimit/gormdb",
		"querylimit/gorm1db", "querylimit/mongodb", "querylimit/mongov2", "querylimit/request",
		"querylimit/helpers", "querylimit/usehelpers", "querylimit/odd",
		"querylimit/crossrepo", "querylimit/crosshandler", "querylimit/frameworks",
		"querylimit/sqlcgen", "querylimit/sqlcuser")
}

func TestMaxRowsFlag(t *testing.T) {
	old := maxRows.String()
	if err := Analyzer.Flags.Set("max-rows", "20000"); err != nil {
		t.Fatal(err)
	}
	defer Analyzer.Flags.Set("max-rows", old)
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "querylimit/maxrows")
}

func TestMaxRowsFlagRejectsBadValues(t *testing.T) {
	for _, v := range []string{"0", "-5", "many"} {
		if err := Analyzer.Flags.Set("max-rows", v); err == nil {
			t.Errorf("Set(max-rows, %q) succeeded, want an error", v)
		}
	}
	if got := maxRows.String(); got != "1000" {
		t.Errorf("max-rows = %s after rejected values, want 1000", got)
	}
}

func TestGrowth(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "querylimit/growth")
}

func TestStrictFlag(t *testing.T) {
	if err := Analyzer.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer Analyzer.Flags.Set("strict", "false")
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "querylimit/growthstrict")
}
