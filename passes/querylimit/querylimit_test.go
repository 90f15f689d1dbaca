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
		"querylimit/pages", "querylimit/gormwrap", "querylimit/gormwrapuse", "querylimit/xormsess", "querylimit/xormdb", "querylimit/xormfork", "querylimit/stores", "querylimit/funcvar", "querylimit/entapp", "querylimit/keyed",
		"querylimit/gorm1common", "querylimit/gorm1late", "querylimit/adminscaffold",
		"querylimit/gqlmodel", "querylimit/gqlactions", "querylimit/gqlresolvers", "querylimit/squirrelrepo",
		"querylimit/pager", "querylimit/pageruse")
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

func TestConfigTable(t *testing.T) {
	for table, want := range map[string]bool{
		"sys_apis":                 true,
		"sys_api":                  true,
		"sys_dictionaries":         true,
		"sys_dictionary_details":   true,
		"sys_dict_data":            true,
		"sys_menus":                true,
		"roles":                    true,
		"app_settings":             true,
		"casbin_authorities":       true,
		"sys_operation_records":    false,
		"apis":                     false, // an API gateway's APIs are its data
		"user_settings":            false,
		"user_notification_config": false,
		"tenant_roles":             false,
		"orders":                   false,
		"status":                   false,
	} {
		if got := configTable(table); got != want {
			t.Errorf("configTable(%q) = %v, want %v", table, got, want)
		}
	}
}
