package bodylimit_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/internal/testutil"
	"github.com/memlint/memlint/passes/bodylimit"
)

// TestAnalyzer checks the diagnostics and, against .golden files, the
// suggested fixes of every default-flag package, in one load (each
// imports net/http, whose dependencies a load analyses whole;
// MEMLINT_UPDATE_GOLDENS=1 rewrites the goldens).
func TestAnalyzer(t *testing.T) {
	results := testutil.RunWithFixes(t, testdataroot.Dir(), bodylimit.Analyzer,
		"bodylimit/nethttp", "bodylimit/mw", "bodylimit/crosspkg", "bodylimit/ginapp", "bodylimit/beegoapp", "bodylimit/echoapp", "bodylimit/chiapp", "bodylimit/gorillaapp",
		"bodylimit/decomp", "bodylimit/archivelib", "bodylimit/archive", "bodylimit/fix",
		"bodylimit/program/api", "bodylimit/program/server", "bodylimit/program/cmd", "bodylimit/program/exported",
		"bodylimit/program/limited", "bodylimit/program/defaultmux", "bodylimit/program/ctorserver", "bodylimit/program/wrapped",
		"bodylimit/drain", "bodylimit/drain/parse", "bodylimit/authiface", "bodylimit/authdispatch", "example.com/webauthn/protocol", "bodylimit/program/importer",
		"bodylimit/program/fieldserver", "bodylimit/program/fieldexported", "bodylimit/program/fieldexportedcmd", "bodylimit/program/fieldexportedlimited", "bodylimit/program/forwarded", "bodylimit/program/gqlendpoint", "bodylimit/program/gqlserver", "bodylimit/program/gqllegacy/api", "bodylimit/program/gqllegacy/server", "bodylimit/program/gqllegacy", "bodylimit/program/gqllegacy/limitedserver", "bodylimit/program/gqllegacy/limitedcmd", "bodylimit/program/gqlget",
		"bodylimit/program/ginhandlers", "bodylimit/program/ginserver",
		"bodylimit/program/ginhelper/dto", "bodylimit/program/ginhelper/handlers", "bodylimit/program/ginhelper/cmd", "bodylimit/program/telemetrymux", "bodylimit/program/gqlonly",
		"bodylimit/program/runcmd", "bodylimit/program/runlimited", "bodylimit/program/tracedcmd", "bodylimit/program/pprofcmd", "bodylimit/program/pprofmux", "bodylimit/program/debugmux",
		"bodylimit/program/mwrouter", "bodylimit/program/mwcmd", "bodylimit/program/mwlimited", "bodylimit/program/mwspread",
		"bodylimit/program/customctx", "bodylimit/program/calledctx", "bodylimit/program/customhandlers", "bodylimit/program/customserver",
		"bodylimit/program/mounted/handlers", "bodylimit/program/mounted/app", "bodylimit/program/mounted/cmd",
		"bodylimit/program/mounted/limitedcmd", "bodylimit/program/mounted/testonly", "bodylimit/program/dumpout", "bodylimit/program/wrapbody",
		"bodylimit/program/redirect", "bodylimit/program/redirectcmd", "bodylimit/program/ownroute", "bodylimit/program/ginnonext", "bodylimit/program/teebody", "bodylimit/program/mapservers", "bodylimit/xmlfork", "bodylimit/ginbindwith", "bodylimit/uploadsize", "bodylimit/uploadcheck", "bodylimit/uploadread", "bodylimit/peekmw", "bodylimit/capmw", "bodylimit/truncmw", "bodylimit/gunzipmw",
		"bodylimit/zipfork", "example.com/zserve", "bodylimit/program/libserved", "bodylimit/program/libsetscmd", "bodylimit/websocket/app", "bodylimit/websocket/limited", "bodylimit/websocket/conns", "bodylimit/websocket/reader", "bodylimit/websocket/connslimited", "bodylimit/websocket/readerlimited", "bodylimit/websocket/faked", "bodylimit/program/recvholder", "bodylimit/program/holder/routes", "bodylimit/program/holder/cmd", "bodylimit/program/holder/othercmd",
		"github.com/braintree/manners", "example.com/limitgrace", "bodylimit/program/manners", "bodylimit/program/mannerslimited", "bodylimit/program/mannersother",
		"bodylimit/program/macaronapp/routes", "bodylimit/program/macaronapp", "bodylimit/program/macaronrun", "bodylimit/program/macaronlimited",
		"bodylimit/program/startconfig", "bodylimit/program/pprofonly", "bodylimit/program/metricsmux", "bodylimit/echov5app",
		"bodylimit/program/adapted/web", "bodylimit/program/adapted/users", "bodylimit/program/adapted/debug", "bodylimit/program/adapted/cmd",
		"bodylimit/program/adapted/transport", "bodylimit/program/adapted/events", "bodylimit/program/adapted/eventscmd",
		"bodylimit/program/installs/handler", "bodylimit/program/installs/server", "bodylimit/program/installs/cmd",
		"bodylimit/program/installs/limitedcmd", "bodylimit/program/installs/unknowncmd", "bodylimit/program/installs/runcmd", "bodylimit/program/installs/runlimited",
		"bodylimit/program/routelimit/mw", "bodylimit/program/routelimit/handlers", "bodylimit/program/routelimit/server",
		"bodylimit/program/routelimit/usecmd", "bodylimit/program/routelimit/plain", "bodylimit/program/routelimit/unusedcmd",
		"bodylimit/program/routelimit/echohandlers", "bodylimit/program/routelimit/echocmd",
		"bodylimit/program/ginmetrics", "bodylimit/program/handedout", "bodylimit/program/handedin", "bodylimit/program/ownroutefact/upload", "bodylimit/program/ownroutefact/cmd",
		"example.com/routerbase", "example.com/routers/limited", "bodylimit/program/handedbase", "bodylimit/program/handedbaselimited", "bodylimit/program/consumed", "bodylimit/program/consumedcmd", "bodylimit/program/hostroute",
		"bodylimit/program/routedsvc/web", "bodylimit/program/routedsvc/api", "bodylimit/program/routedsvc/cmd", "bodylimit/program/routedsvc/limitedweb", "bodylimit/program/routedsvc/limitedcmd")

	// The program rule names every read in related information as
	// "dir/file.go:line: handler ...", the form the corpus scores
	// (analysistest does not check related information).
	var got []string
	for _, r := range results {
		if r.Pass.Pkg.Path() != "bodylimit/program/server" {
			continue
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				got = append(got, rel.Message)
			}
		}
	}
	// Handle's call of the helper that reads is named too: it shows the
	// endpoint the helper's read puts at risk; create's call in a
	// literal is a handler's delegation, not named.
	want := []string{
		"program/api/api.go:19: api.(*Handler).create reads the request body whole (json.Decoder.Decode)",
		"program/api/api.go:24: api.(*Handler).Handle reads the request body whole (io.ReadAll through api.readBlob, at program/api/api.go:29)",
		"program/api/api.go:29: api.(*Handler).Handle reads the request body whole (io.ReadAll)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("related information of the program rule in bodylimit/program/server:\n got %q\nwant %q", got, want)
	}

	// A helper of the same package that reads the body, or an archive
	// entry, whole is named in the message without a position; the read
	// is related information at the read itself.
	for _, tc := range []struct {
		pkg, prefix string
		want        []string
	}{
		{"bodylimit/archive", "unzip (", []string{"archive.go:210: io.ReadAll reads it whole here"}},
		// A read in another package is named at the call that hands it
		// the body.
		{"bodylimit/program/importer", "2 functions read request bodies whole", []string{
			"importer.go:31: drain/parse/parse.go:33: importer.importDoc reads the request body whole (io.ReadAll)",
			"importer.go:31: program/importer/importer.go:15: importer.importDoc reads the request body whole (io.ReadAll through parse.Slurp, at drain/parse/parse.go:33)",
			"importer.go:31: program/importer/importer.go:19: importer.login reads the request body whole (ParseBody: json.Decoder.Decode at protocol.go:20)",
		}},
		// A library's read that runs only for a method other than
		// GET is not named for the handlers registered for GET only.
		{"bodylimit/program/libserved", "5 functions read request bodies whole", []string{
			"libserved.go:110: program/libserved/libserved.go:28: main.(handlers).create reads the request body whole (Decode: json.Decoder.Decode at zserve/zserve.go:43)",
			"libserved.go:110: program/libserved/libserved.go:34: main.(handlers).both reads the request body whole (Decode: json.Decoder.Decode at zserve/zserve.go:43)",
			"libserved.go:110: program/libserved/libserved.go:41: main.(handlers).always reads the request body whole (DecodeBody: json.Decoder.Decode at zserve/zserve.go:50)",
			"libserved.go:110: program/libserved/libserved.go:49: main.(handlers).inTx reads the request body whole (Decode: json.Decoder.Decode at zserve/zserve.go:43)",
			"libserved.go:110: program/libserved/libserved.go:89: main.(handlers).getCase reads the request body whole (json.Decoder.Decode)",
		}},
		// go-macaron's binders are named where they are called, through
		// a local alias too; Form, MultipartForm and an alias also
		// assigned Form are not.
		{"bodylimit/program/macaronapp", "3 route binders read request bodies whole", []string{
			"macaronapp.go:26: program/macaronapp/macaronapp.go:23: binding.BindIgnErr(SignIn{}) reads the request body whole (json.Decoder.Decode of a JSON body)",
			"macaronapp.go:26: program/macaronapp/routes/routes.go:18: binding.Bind(MarkdownOption{}) reads the request body whole (json.Decoder.Decode of a JSON body)",
			"macaronapp.go:26: program/macaronapp/routes/routes.go:19: binding.Json(MarkdownOption{}) reads the request body whole (json.Decoder.Decode)",
		}},
		// A helper of another package whose read the handlers reach:
		// the read, and each handler's call of the helper (Upsert's call
		// of Create is a handler's delegation, not named).
		{"bodylimit/program/ginhelper/cmd", "dto.BindJSON (", []string{
			"cmd.go:12: program/ginhelper/dto/dto.go:13: dto.BindJSON reads the request body whole (gin ShouldBindWith (binding.JSON))",
			"cmd.go:12: program/ginhelper/handlers/handlers.go:26: handlers.Create reads the request body whole (gin ShouldBindWith (binding.JSON) through dto.BindJSON, at program/ginhelper/dto/dto.go:13)",
			"cmd.go:12: program/ginhelper/handlers/handlers.go:31: handlers.Update reads the request body whole (gin ShouldBindWith (binding.JSON) through dto.BindJSON, at program/ginhelper/dto/dto.go:13)",
		}},
		// gqlgen's POST transport is named where it is added.
		{"bodylimit/program/gqlserver", "4 functions and library handlers", []string{
			"gqlserver.go:31: program/api/api.go:19: api.(*Handler).create reads the request body whole (json.Decoder.Decode)",
			"gqlserver.go:31: program/api/api.go:24: api.(*Handler).Handle reads the request body whole (io.ReadAll through api.readBlob, at program/api/api.go:29)",
			"gqlserver.go:31: program/api/api.go:29: api.(*Handler).Handle reads the request body whole (io.ReadAll)",
			"gqlserver.go:31: program/gqlendpoint/gqlendpoint.go:13: gqlgen's handler.Server reads the request body whole (transport.POST.Do: io.ReadAll, which NewDefaultServer adds)",
			"gqlserver.go:31: program/gqlserver/gqlserver.go:22: gqlgen's handler.Server reads the request body whole (transport.POST.Do: io.ReadAll)",
		}},
		// gqlgen's deprecated handler.GraphQL is named where it is
		// called; the server starts in a goroutine of server.Start's
		// helper, so the start site is main's call of Start.
		{"bodylimit/program/gqllegacy", "gqlgen's handler.Server (", []string{
			"gqllegacy.go:16: program/gqllegacy/api/api.go:16: gqlgen's handler.Server reads the request body whole (transport.POST.Do: io.ReadAll, which handler.GraphQL adds)",
		}},
		{"bodylimit/nethttp", "decodeJSON (", []string{
			"nethttp.go:157: registered here, on a router with no body limit",
			"nethttp.go:170: served here with no body limit",
			"nethttp.go:73: json.Decoder.Decode reads the body whole here",
		}},
	} {
		got = nil
		for _, r := range results {
			if r.Pass.Pkg.Path() != tc.pkg {
				continue
			}
			for _, d := range r.Diagnostics {
				if !strings.HasPrefix(d.Message, tc.prefix) {
					continue
				}
				for _, rel := range d.Related {
					p := r.Pass.Fset.Position(rel.Pos)
					got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rel.Message))
				}
			}
		}
		// The package and its test variant report the same.
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("related information of %s... in %s:\n got %q\nwant %q", tc.prefix, tc.pkg, got, tc.want)
		}
	}
}

func TestAllSourcesFlag(t *testing.T) {
	testutil.SetFlag(t, bodylimit.Analyzer, "all-sources", "true")
	testutil.RunWithFixes(t, testdataroot.Dir(), bodylimit.Analyzer, "bodylimit/allsources")
}

func TestMaxBytesFlag(t *testing.T) {
	f := testutil.RestoreFlag(t, bodylimit.Analyzer, "max-bytes")
	if err := f.Value.Set("4MiB"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, testdataroot.Dir(), bodylimit.Analyzer, "bodylimit/fixflag")
	for _, bad := range []string{"-1", "lots", "1.5"} {
		if err := f.Value.Set(bad); err == nil {
			t.Errorf("Set(%q) succeeded, want an error", bad)
		}
	}
}
