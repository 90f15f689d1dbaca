package httpapi_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/apimatch"
	"github.com/memlint/memlint/internal/httpapi"
	"github.com/memlint/memlint/internal/testdataroot"
)

// probe reports what the table says about each function, parameter and
// call of its package, so testdata/src/httpapi asserts it with // want.
var probe = &analysis.Analyzer{
	Name: "httpapiprobe",
	Doc:  "reports httpapi's classification of functions, parameters and calls",
	Run:  runProbe,
}

func runProbe(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				fn := pass.TypesInfo.Defs[n.Name].(*types.Func)
				s := describe(fn.Signature(), httpapi.OnRequestPath(fn))
				for i := range fn.Signature().Params().Len() {
					v := fn.Signature().Params().At(i)
					if httpapi.ResolverArg(fn, i) {
						s = strings.TrimPrefix(s+"; graphql arg "+v.Name(), "; ")
					}
					if httpapi.IsGQLInput(v.Type(), pass.Pkg) {
						s = strings.TrimPrefix(s+"; graphql input "+v.Name(), "; ")
					}
				}
				if s != "" {
					pass.Reportf(n.Name.Pos(), "%s", s)
				}
			case *ast.FuncLit:
				sig := pass.TypesInfo.TypeOf(n).(*types.Signature)
				if s := describe(sig, httpapi.OnRequestPathSig(sig)); s != "" {
					pass.Reportf(n.Pos(), "%s", s)
				}
			case *ast.CallExpr:
				if k, fw, ok := httpapi.InputFrom(apimatch.Callee(pass.TypesInfo, n)); ok {
					pass.Reportf(n.Pos(), "input %s %s", k, fw)
				}
			}
			return true
		})
	}
	return nil, nil
}

func describe(sig *types.Signature, onPath bool) string {
	var parts []string
	if fw, ok := httpapi.HandlerFramework(sig); ok {
		parts = append(parts, "handler "+fw.String())
	}
	if onPath {
		parts = append(parts, "on request path")
	}
	for v := range sig.Params().Variables() {
		if fw, ok := httpapi.Holder(v.Type()); ok {
			parts = append(parts, fmt.Sprintf("holder %s %s", v.Name(), fw))
		}
		if httpapi.IsResponseWriter(v.Type()) {
			parts = append(parts, "writer "+v.Name())
		}
		if httpapi.IsRequestMessage(v.Type()) {
			parts = append(parts, "message "+v.Name())
		}
	}
	return strings.Join(parts, "; ")
}

func TestTable(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), probe, "httpapi/nethttp", "httpapi/frameworks", "httpapi/grpcserver", "httpapi/beegoapp", "httpapi/gqlserver")
}

func TestStrings(t *testing.T) {
	for fw, want := range map[httpapi.Framework]string{
		httpapi.NetHTTP: "net/http", httpapi.Gin: "gin", httpapi.Echo: "echo", httpapi.EchoV5: "echo v5",
		httpapi.Fiber: "fiber", httpapi.Chi: "chi", httpapi.GorillaMux: "gorilla/mux", httpapi.GRPC: "gRPC", httpapi.Macaron: "macaron", httpapi.Beego: "beego",
		0: "unknown",
	} {
		if got := fw.String(); got != want {
			t.Errorf("Framework(%d).String() = %q, want %q", int(fw), got, want)
		}
	}
	for k, want := range map[httpapi.InputKind]string{
		httpapi.Query: "query", httpapi.Form: "form", httpapi.PathParam: "path parameter",
		httpapi.Header: "header", httpapi.Body: "body", httpapi.Message: "request message", 0: "unknown",
	} {
		if got := k.String(); got != want {
			t.Errorf("InputKind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}

func TestNil(t *testing.T) {
	if _, ok := httpapi.Holder(nil); ok {
		t.Error("Holder(nil) = true")
	}
	if httpapi.IsHandler(nil) || httpapi.OnRequestPath(nil) || httpapi.OnRequestPathSig(nil) || httpapi.IsResponseWriter(nil) {
		t.Error("a predicate accepted nil")
	}
	if _, ok := httpapi.Input(nil); ok {
		t.Error("Input(nil) = true")
	}
	if !httpapi.IsPackage("github.com/gofiber/fiber") || !httpapi.IsPackage("google.golang.org/grpc") || httpapi.IsPackage("github.com/gofiber/fiber/v2") {
		t.Error("IsPackage does not take canonical paths")
	}
}
