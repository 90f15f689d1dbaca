package golangci

import (
	"flag"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint"
)

// listFlag is a comma-separated list flag like the passes' list flags.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = nil
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

type testFlags struct {
	maxBytes int64
	extra    listFlag
	strict   bool
	mode     string
}

// testAnalyzers returns fresh analyzers with flags, so that tests do not
// depend on which passes memlint has today.
func testAnalyzers() ([]*analysis.Analyzer, *testFlags) {
	var f testFlags
	alpha := &analysis.Analyzer{Name: "alpha", Doc: "alpha: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	alpha.Flags.Int64Var(&f.maxBytes, "max-bytes", 1<<20, "")
	alpha.Flags.Var(&f.extra, "extra", "")
	alpha.Flags.BoolVar(&f.strict, "strict", false, "")
	alpha.Flags.StringVar(&f.mode, "mode", "fast", "")
	beta := &analysis.Analyzer{Name: "beta", Doc: "beta: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	gamma := &analysis.Analyzer{Name: "gamma", Doc: "gamma: test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	return []*analysis.Analyzer{alpha, beta, gamma}, &f
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// decode runs raw settings, shaped as golangci-lint hands them over (YAML
// decoded into maps), through register.DecodeSettings as New does.
func decode(t *testing.T, raw any) Settings {
	t.Helper()
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		t.Fatalf("DecodeSettings: %v", err)
	}
	return s
}

func TestSelection(t *testing.T) {
	for _, tc := range []struct {
		raw  any
		want []string
	}{
		{nil, []string{"alpha", "beta", "gamma"}},
		{map[string]any{}, []string{"alpha", "beta", "gamma"}},
		{map[string]any{"disable": []any{"beta"}}, []string{"alpha", "gamma"}},
		{map[string]any{"enable": []any{"gamma", "alpha"}}, []string{"alpha", "gamma"}},
		{map[string]any{"enable": []any{"alpha", "beta"}, "disable": []any{"gamma"}}, []string{"alpha", "beta"}},
	} {
		all, _ := testAnalyzers()
		got, err := configure(all, decode(t, tc.raw))
		if err != nil {
			t.Errorf("%v: %v", tc.raw, err)
			continue
		}
		if !slices.Equal(names(got), tc.want) {
			t.Errorf("%v: selected %v, want %v", tc.raw, names(got), tc.want)
		}
	}
}

func TestFlagsRoundTrip(t *testing.T) {
	all, f := testAnalyzers()
	raw := map[string]any{
		"settings": map[string]any{
			"alpha": map[string]any{
				"max-bytes": 2097152, // int, as YAML decodes it
				"extra":     []any{"example.com/db.Open", "example.com/x.(*T).New"},
				"strict":    true,
				"mode":      "slow",
			},
		},
	}
	if _, err := configure(all, decode(t, raw)); err != nil {
		t.Fatal(err)
	}
	if f.maxBytes != 2097152 || f.mode != "slow" || !f.strict ||
		!slices.Equal(f.extra, listFlag{"example.com/db.Open", "example.com/x.(*T).New"}) {
		t.Errorf("flags = %+v", *f)
	}
	// The same flag values as "-alpha.max-bytes=2097152 ..." on the CLI.
	if got := all[0].Flags.Lookup("max-bytes").Value.String(); got != "2097152" {
		t.Errorf("max-bytes = %q", got)
	}
}

func TestFloatNumbers(t *testing.T) {
	// Some YAML/JSON paths hand integers over as float64; large ones must
	// still reach an integer flag without an exponent.
	all, f := testAnalyzers()
	raw := map[string]any{"settings": map[string]any{"alpha": map[string]any{"max-bytes": float64(64 << 20)}}}
	if _, err := configure(all, decode(t, raw)); err != nil {
		t.Fatal(err)
	}
	if f.maxBytes != 64<<20 {
		t.Errorf("max-bytes = %d", f.maxBytes)
	}
	for in, want := range map[string]string{"1e6": "1000000", "2.097152e+06": "2097152", "1.5": "1.5", "42": "42"} {
		if got, err := flagValue([]byte(in)); err != nil || got != want {
			t.Errorf("flagValue(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		raw  any
		want []string // substrings of the error
	}{
		{map[string]any{"enable": []any{"nope"}}, []string{`unknown pass "nope" in enable`, "valid passes: alpha, beta, gamma"}},
		{map[string]any{"disable": []any{"nope"}}, []string{`unknown pass "nope" in disable`, "valid passes: alpha, beta, gamma"}},
		{map[string]any{"enable": []any{"alpha"}, "disable": []any{"alpha"}}, []string{`"alpha" is both enabled and disabled`}},
		{map[string]any{"settings": map[string]any{"nope": map[string]any{"x": 1}}}, []string{`unknown pass "nope" in settings`, "valid passes: alpha, beta, gamma"}},
		{map[string]any{"settings": map[string]any{"alpha": map[string]any{"max-byte": 1}}}, []string{`pass alpha has no flag "max-byte"`, "valid flags: extra, max-bytes, mode, strict"}},
		{map[string]any{"settings": map[string]any{"beta": map[string]any{"x": 1}}}, []string{`pass beta has no flag "x"`, "it has no flags"}},
		{map[string]any{"settings": map[string]any{"alpha": map[string]any{"max-bytes": "lots"}}}, []string{`settings alpha.max-bytes: invalid value "lots"`}},
		{map[string]any{"settings": map[string]any{"alpha": map[string]any{"max-bytes": nil}}}, []string{"alpha.max-bytes: null is not a value"}},
		{map[string]any{"settings": map[string]any{"alpha": map[string]any{"extra": map[string]any{"a": 1}}}}, []string{"alpha.extra: want a string, number, boolean or list"}},
	} {
		all, _ := testAnalyzers()
		_, err := configure(all, decode(t, tc.raw))
		if err == nil {
			t.Errorf("%v: no error", tc.raw)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q does not contain %q", tc.raw, err, w)
			}
		}
	}
}

func TestNoPartialUpdate(t *testing.T) {
	all, f := testAnalyzers()
	raw := map[string]any{"settings": map[string]any{"alpha": map[string]any{"mode": "slow", "max-bytes": "lots"}}}
	if _, err := configure(all, decode(t, raw)); err == nil {
		t.Fatal("no error")
	}
	if f.mode != "fast" || f.maxBytes != 1<<20 {
		t.Errorf("flags changed by a failed configuration: %+v", *f)
	}
}

func TestUnknownTopLevelKey(t *testing.T) {
	// register.DecodeSettings rejects keys outside the settings shape.
	_, err := register.DecodeSettings[Settings](map[string]any{"disabled": []any{"alpha"}})
	if err == nil || !strings.Contains(err.Error(), `unknown field "disabled"`) {
		t.Errorf("err = %v", err)
	}
}

// TestPluginRegistered drives the real plugin as golangci-lint does: look it
// up by name, construct it with raw settings, build its analyzers.
func TestPluginRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("memlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	got, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, memlint.Analyzers) {
		t.Errorf("analyzers %v, want all of memlint.Analyzers %v", names(got), names(memlint.Analyzers))
	}

	first := memlint.Analyzers[0].Name
	p, err = newPlugin(map[string]any{"disable": []any{first}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = p.BuildAnalyzers()
	if slices.Contains(names(got), first) || len(got) != len(memlint.Analyzers)-1 {
		t.Errorf("disable %s: got %v", first, names(got))
	}

	_, err = newPlugin(map[string]any{"enable": []any{"nosuchpass"}})
	if err == nil || !strings.Contains(err.Error(), "valid passes: "+strings.Join(names(memlint.Analyzers), ", ")) {
		t.Errorf("unknown pass: err = %v", err)
	}
	_, err = newPlugin(map[string]any{"enabled": []any{first}})
	if err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("unknown key: err = %v", err)
	}
}

// TestRealFlags sets every flag of every real pass to its own default
// through the plugin, with the multipart example from the README, so that a
// pass flag the plugin cannot reach fails here.
func TestRealFlags(t *testing.T) {
	settings := map[string]any{}
	for _, a := range memlint.Analyzers {
		m := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) { m[f.Name] = f.DefValue })
		if len(m) > 0 {
			settings[a.Name] = m
		}
	}
	newPlugin, _ := register.GetPlugin("memlint")
	if _, err := newPlugin(map[string]any{"settings": settings}); err != nil {
		t.Fatal(err)
	}
	for _, a := range memlint.Analyzers {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if f.Value.String() != f.DefValue {
				t.Errorf("%s.%s = %q after setting its default %q", a.Name, f.Name, f.Value.String(), f.DefValue)
			}
		})
	}

	var mp *analysis.Analyzer
	for _, a := range memlint.Analyzers {
		if a.Name == "multipart" {
			mp = a
		}
	}
	if mp == nil || mp.Flags.Lookup("max-memory") == nil {
		t.Skip("multipart has no max-memory flag yet")
	}
	fl := mp.Flags.Lookup("max-memory")
	defer fl.Value.Set(fl.DefValue)
	if _, err := newPlugin(map[string]any{"settings": map[string]any{"multipart": map[string]any{"max-memory": 8 << 20}}}); err != nil {
		t.Fatal(err)
	}
	got := fl.Value.String()
	// The CLI's -multipart.max-memory=8388608 goes through the same Set.
	if err := fl.Value.Set("8388608"); err != nil {
		t.Fatal(err)
	}
	if want := fl.Value.String(); got != want || got == fl.DefValue {
		t.Errorf("multipart.max-memory = %q after plugin setting 8388608, want %q", got, want)
	}
}

// TestREADMESettings feeds the settings of the README's .golangci.yml
// tuning example (and a few more), as golangci-lint decodes them from YAML,
// through the real plugin.
func TestREADMESettings(t *testing.T) {
	readme := map[string]map[string]any{
		"bigbuffer":  {"max-bytes": "4MiB"},
		"unclosed":   {"extra": []any{"your/module/db.Open"}},
		"multipart":  {"max-memory": "8MiB"},
		"querylimit": {"max-rows": 10000},
		"jsonindent": {"all": false},
	}
	settings := map[string]any{}
	restore := map[*flag.Flag]string{}
	for _, a := range memlint.Analyzers {
		if s, ok := readme[a.Name]; ok {
			settings[a.Name] = s
			for name := range s {
				if f := a.Flags.Lookup(name); f != nil {
					restore[f] = f.Value.String()
				}
			}
		}
	}
	defer func() {
		for f, v := range restore {
			f.Value.Set(v)
		}
	}()
	for name := range readme {
		if settings[name] == nil {
			t.Logf("pass %s is not in memlint.Analyzers yet", name)
		}
	}
	newPlugin, _ := register.GetPlugin("memlint")
	p, err := newPlugin(map[string]any{"disable": []any{"querylimit"}, "settings": settings})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.BuildAnalyzers()
	if slices.Contains(names(got), "querylimit") {
		t.Errorf("disable: [querylimit] left querylimit in %v", names(got))
	}
}
