package multipart_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/multipart"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes of every default-flag package, in one load
// (MEMLINT_UPDATE_GOLDENS=1 rewrites the goldens).
func TestAnalyzer(t *testing.T) {
	testutil.RunWithFixes(t, testdataroot.Dir(), multipart.Analyzer,
		"multipart/basic", "multipart/frameworks", "multipart/crosspkg",
		"multipart/flags", "multipart/odd", "multipart/cgo", "multipart/echov5", "multipart/recv",
		"multipart/noresult", "multipart/parsehelp", "multipart/upstream", "multipart/upstreamgin", "multipart/fiber",
		"multipart/fix", "multipart/fixline", "multipart/shapes",
		"multipart/ginoriginal", "multipart/ginstrip", "multipart/ginotel",
		"multipart/echooriginal", "multipart/echotimeout", "multipart/gated", "multipart/bodycap")
}

// TestRemote checks the remote rule: forms of gin and echo handlers that
// their package leaves to the server's cleanup, reported in a package of
// the module that imports them and installs a middleware that copies the
// request (facts asserted across packages).
func TestRemote(t *testing.T) {
	testutil.RunWithFixes(t, testdataroot.Dir(), multipart.Analyzer,
		"multipart/remote/mw", "multipart/remote/handlers", "multipart/remote/server", "multipart/remote/cmd",
		"multipart/remote/plain", "multipart/remote/testonly", "multipart/remote/echohandlers", "multipart/remote/echoserver",
		"multipart/remote/localcopy", "multipart/remote/localserver", "multipart/remote/groupuse", "multipart/remote/litserver", "multipart/remote/echoguard", "multipart/remote/echooverride")
}

func TestMaxMemoryFlag(t *testing.T) {
	testutil.SetFlag(t, multipart.Analyzer, "max-memory", "8MiB")
	testutil.RunWithFixes(t, testdataroot.Dir(), multipart.Analyzer, "multipart/flagsmall", "multipart/flaggin", "multipart/flaggindefault", "multipart/flagginsmall")
}

func TestMaxMemoryFlagRejectsGarbage(t *testing.T) {
	f := testutil.RestoreFlag(t, multipart.Analyzer, "max-memory")
	for _, bad := range []string{"-1", "lots", "1.5"} {
		if err := f.Value.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
}

// TestNetHTTPItself runs the pass on net/http: its own Request methods
// (FormValue, PostFormValue, FormFile) parse on their receiver for the
// caller and must not be reported (they were, before receivers counted as
// helper parameters). analysistest fails on any unexpected diagnostic or
// fact; std has no want comments, so its prose mentioning "want" is not an
// expectation and the resulting parse complaints are dropped.
func TestNetHTTPItself(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses net/http and its tests from source")
	}
	analysistest.Run(ignoreWantSyntax{t}, testdataroot.Dir(), multipart.Analyzer, "net/http")
}

type ignoreWantSyntax struct{ *testing.T }

func (t ignoreWantSyntax) Errorf(format string, args ...any) {
	if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "in 'want' comment") {
		t.T.Error(msg)
	}
}
