// Package golangci is memlint's golangci-lint module plugin.
//
// It is the only package of memlint that imports
// github.com/golangci/plugin-module-register, and importing it registers the
// plugin "memlint". Build a custom golangci-lint that contains it with
// "golangci-lint custom" and a .custom-gcl.yml such as:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/memlint/memlint
//	    import: github.com/memlint/memlint/golangci
//	    version: vX.Y.Z # a memlint tag, or path: /path/to/a/memlint/checkout
//
// and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [memlint]
//	  settings:
//	    custom:
//	      memlint:
//	        type: module
//	        settings:
//	          disable: [querylimit]       # or enable: [...] to run only those
//	          settings:
//	            bigbuffer: { max-bytes: 2097152 }
//	            unclosed:  { extra: ["example.com/db.Open"] }
//
// The settings mirror the shape of golangci-lint's own govet settings:
//
//   - enable: when not empty, only these passes run (default: all of them);
//   - disable: these passes do not run;
//   - settings: per pass, flag name to value. The flag names are exactly the
//     pass's flags on the memlint command line (-bigbuffer.max-bytes there is
//     bigbuffer: { max-bytes: ... } here). A list value is joined with commas,
//     numbers and booleans are written in decimal and as true/false, and the
//     result goes through the flag's own Set method, so values are validated
//     exactly as on the command line.
//
// An unknown pass or flag, or a value its flag rejects, is an error that
// stops golangci-lint and names the valid choices.
//
// Flags live on the analyzers (Analyzer.Flags) and are therefore process-wide
// state. The plugin sets them once, when golangci-lint constructs it; flags
// that the settings do not mention keep their current value (their default
// in a golangci-lint process). Do not construct the plugin twice with
// different settings in one process and expect both configurations to hold.
package golangci

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/memlint/memlint"

	"github.com/memlint/memlint/internal/passset"
	"github.com/memlint/memlint/internal/ssabuild"
)

func init() {
	register.Plugin("memlint", New)
}

// Settings is the plugin configuration found under
// linters.settings.custom.memlint.settings in .golangci.yml.
type Settings struct {
	// Enable, when not empty, selects the passes to run.
	Enable []string `json:"enable,omitempty"`
	// Disable removes passes from the selection.
	Disable []string `json:"disable,omitempty"`
	// Settings maps a pass name to its flags: flag name to value
	// (string, number, boolean, or a list of those).
	Settings map[string]map[string]json.RawMessage `json:"settings,omitempty"`
}

// New is the plugin constructor golangci-lint calls with the raw settings.
// It selects passes from memlint.Analyzers and sets their flags.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("memlint: %w", err)
	}
	analyzers, err := configure(memlint.Analyzers, s)
	if err != nil {
		return nil, err
	}
	// Share x/tools' SSA form with the other linters that build it.
	ssabuild.ShareBuildssa()
	return &plugin{analyzers: analyzers}, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the selected passes.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode reports that memlint's passes need type information.
func (p *plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// configure applies s to all, a list of analyzers such as
// memlint.Analyzers: it sets the flags named in s.Settings through each
// analyzer's Flags and returns the analyzers s selects, in the order of all.
// On error no flag is left changed.
func configure(all []*analysis.Analyzer, s Settings) ([]*analysis.Analyzer, error) {
	byName := make(map[string]*analysis.Analyzer, len(all))
	for _, a := range all {
		byName[a.Name] = a
	}
	valid := func() string {
		names := make([]string, 0, len(all))
		for _, a := range all {
			names = append(names, a.Name)
		}
		return strings.Join(names, ", ")
	}
	check := func(field string, names []string) error {
		for _, n := range names {
			if byName[n] == nil {
				return fmt.Errorf("memlint: unknown pass %q in %s; valid passes: %s", n, field, valid())
			}
		}
		return nil
	}
	if err := check("enable", s.Enable); err != nil {
		return nil, err
	}
	if err := check("disable", s.Disable); err != nil {
		return nil, err
	}
	for _, n := range s.Enable {
		if slices.Contains(s.Disable, n) {
			return nil, fmt.Errorf("memlint: pass %q is both enabled and disabled", n)
		}
	}

	// Convert and validate every value before setting any flag.
	type assignment struct {
		a                *analysis.Analyzer
		flag, value, old string
	}
	var todo []assignment
	for _, pass := range sortedKeys(s.Settings) {
		a := byName[pass]
		if a == nil {
			return nil, fmt.Errorf("memlint: unknown pass %q in settings; valid passes: %s", pass, valid())
		}
		flags := s.Settings[pass]
		for _, name := range sortedKeys(flags) {
			if a.Flags.Lookup(name) == nil {
				return nil, fmt.Errorf("memlint: pass %s has no flag %q in settings; %s", pass, name, validFlags(a))
			}
			v, err := flagValue(flags[name])
			if err != nil {
				return nil, fmt.Errorf("memlint: settings %s.%s: %v", pass, name, err)
			}
			todo = append(todo, assignment{a: a, flag: name, value: v})
		}
	}
	for i := range todo {
		t := &todo[i]
		t.old = t.a.Flags.Lookup(t.flag).Value.String()
		if err := t.a.Flags.Set(t.flag, t.value); err != nil {
			// A failed Set may have changed the value too (the standard
			// integer flags store 0): put back this one and the ones
			// already set, newest first.
			for j := i; j >= 0; j-- {
				_ = todo[j].a.Flags.Set(todo[j].flag, todo[j].old)
			}
			return nil, fmt.Errorf("memlint: settings %s.%s: invalid value %q: %v", t.a.Name, t.flag, t.value, err)
		}
	}

	set := make(map[string]bool)
	for _, n := range s.Disable {
		set[n] = false
	}
	for _, n := range s.Enable { // never also in Disable (checked above)
		set[n] = true
	}
	return passset.Select(all, set), nil
}

func validFlags(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "it has no flags"
	}
	return "valid flags: " + strings.Join(names, ", ")
}

// flagValue converts one JSON settings value to the text a flag.Value's Set
// accepts: strings as they are, numbers as written, booleans as true/false,
// lists of those joined with commas.
func flagValue(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return "", err
		}
		parts := make([]string, 0, len(list))
		for _, item := range list {
			v, err := scalar(item)
			if err != nil {
				return "", fmt.Errorf("list item: %v", err)
			}
			parts = append(parts, v)
		}
		return strings.Join(parts, ","), nil
	}
	return scalar(raw)
}

func scalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("empty value")
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't', 'f':
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return "", err
		}
		if b {
			return "true", nil
		}
		return "false", nil
	case 'n':
		return "", errors.New("null is not a value; remove the key to keep the default")
	case '{', '[':
		return "", fmt.Errorf("want a string, number, boolean or list of those, got %s", raw)
	default:
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", err
		}
		return numberText(n), nil
	}
}

// numberText writes a JSON number the way Go's flag parsers accept it.
// golangci-lint's YAML loader may hand over integers as floats
// (2097152 as 2.097152e+06), so integral values are written without
// exponent or fraction.
func numberText(n json.Number) string {
	s := n.String()
	if !strings.ContainsAny(s, ".eE") {
		return s
	}
	f, err := n.Float64()
	if err == nil && f == float64(int64(f)) && f < 1<<53 && f > -(1<<53) {
		return fmt.Sprintf("%d", int64(f))
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
