package querylimit

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
)

func TestAnalyzer(t *testing.T) {
	testutil.RunWithFixes(t, testdataroot.Dir(), Analyzer,
		"querylimit/sqldb", "querylimit/sqlxdb", "querylimit/pgxdb", "querylimit/gormdb",
		"querylimit/gorm1db", "querylimit/mongodb", "querylimit/mongov2", "querylimit/request",
		"querylimit/helpers", "querylimit/usehelpers", "querylimit/odd",
		"querylimit/crossrepo", "querylimit/crosshandler", "querylimit/frameworks",
		"querylimit/sqlcgen", "querylimit/sqlcuser", "querylimit/growth", "querylimit/tablesize",
		"querylimit/fetchrepo", "querylimit/fetchuse", "querylimit/reflectdbx", "querylimit/reflectuse",
		"querylimit/pages", "querylimit/gormwrap", "querylimit/gormwrapuse", "querylimit/xormsess", "querylimit/xormdb", "querylimit/entapp", "querylimit/keyed",
		"querylimit/gorm1common", "querylimit/gorm1late")
}

func TestMaxRowsFlag(t *testing.T) {
	testutil.SetFlag(t, Analyzer, "max-rows", "20000")
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "querylimit/maxrows")
}

func TestMaxRowsFlagRejectsBadValues(t *testing.T) {
	testutil.RestoreFlag(t, Analyzer, "max-rows")
	for _, v := range []string{"0", "-5", "many"} {
		if err := Analyzer.Flags.Set("max-rows", v); err == nil {
			t.Errorf("Set(max-rows, %q) succeeded, want an error", v)
		}
	}
	if got := maxRows.String(); got != "1000" {
		t.Errorf("max-rows = %s after rejected values, want 1000", got)
	}
}

func TestStrictFlag(t *testing.T) {
	testutil.SetFlag(t, Analyzer, "strict", "true")
	analysistest.Run(t, testdataroot.Dir(), Analyzer, "querylimit/growthstrict")
}
