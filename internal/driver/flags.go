package driver

import (
	"flag"
	"io"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// options are the parsed command line of a standalone run.
type options struct {
	json    bool
	sarif   bool // -sarif: a SARIF 2.1.0 log (see printSARIF)
	fix     bool
	diff    bool
	context int
	tests   bool

	// passArgs are the pass flags exactly as given (-NAME=false,
	// -NAME.FLAG=VALUE), forwarded to every per-package run.
	passArgs []string

	// delegate is set when the command line is not a standalone run
	// (help, -V, -flags, a vet *.cfg unit): multichecker handles it.
	delegate bool

	patterns []string

	analyzers []*analysis.Analyzer // for -sarif's rules
}

// recorder wraps a pass flag so that the raw text given on the command line
// can be forwarded to the per-package runs. Set still goes to the wrapped
// value, which validates it up front.
type recorder struct {
	flag.Value
	name string
	args *[]string
	bool bool
}

func (r *recorder) Set(s string) error {
	if err := r.Value.Set(s); err != nil {
		return err
	}
	*r.args = append(*r.args, "-"+r.name+"="+s)
	return nil
}

func (r *recorder) IsBoolFlag() bool { return r.bool }

// enableFlag is the -NAME flag of a pass (a tri-state bool in multichecker).
type enableFlag struct{ set *bool }

func (e enableFlag) String() string { return "" }
func (e enableFlag) Set(s string) error {
	b, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*e.set = b
	return nil
}
func (e enableFlag) IsBoolFlag() bool { return true }

// delegateFlag marks flags that only multichecker/unitchecker answer
// (-V=full, -flags).
type delegateFlag struct{ set *bool }

func (d delegateFlag) String() string   { return "" }
func (d delegateFlag) Set(string) error { *d.set = true; return nil }
func (d delegateFlag) IsBoolFlag() bool { return true }

// parseArgs parses args the way multichecker does (the same flag names), so
// that anything this driver does not handle itself can be handed over to
// multichecker unchanged. A parse error also delegates: multichecker then
// prints the error and usage exactly as before.
func parseArgs(args []string, analyzers []*analysis.Analyzer) *options {
	o := &options{context: -1, tests: true}
	fs := flag.NewFlagSet("memlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, a := range analyzers {
		var on bool
		fs.Var(&recorder{Value: enableFlag{&on}, name: a.Name, args: &o.passArgs, bool: true}, a.Name, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			b, _ := f.Value.(interface{ IsBoolFlag() bool })
			fs.Var(&recorder{Value: f.Value, name: a.Name + "." + f.Name, args: &o.passArgs, bool: b != nil && b.IsBoolFlag()}, a.Name+"."+f.Name, "")
		})
	}
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.sarif, "sarif", false, "")
	o.analyzers = analyzers
	fs.BoolVar(&o.fix, "fix", false, "")
	fs.BoolVar(&o.diff, "diff", false, "")
	fs.IntVar(&o.context, "c", -1, "")
	fs.BoolVar(&o.tests, "test", true, "")
	fs.Var(delegateFlag{&o.delegate}, "V", "")
	fs.Var(delegateFlag{&o.delegate}, "flags", "")
	// Flags multichecker accepts for profiling and debugging its own
	// in-process checker: they make sense only there.
	for _, name := range []string{"debug", "cpuprofile", "memprofile", "trace"} {
		fs.Var(delegateFlag{&o.delegate}, name, "")
	}
	// Deprecated vet flags with no effect.
	var ignored bool
	var ignoredS string
	fs.BoolVar(&ignored, "source", false, "")
	fs.BoolVar(&ignored, "v", false, "")
	fs.BoolVar(&ignored, "all", false, "")
	fs.StringVar(&ignoredS, "tags", "", "")

	if err := fs.Parse(args); err != nil {
		o.delegate = true
		return o
	}
	o.patterns = fs.Args()
	switch {
	case len(o.patterns) == 0, o.patterns[0] == "help":
		o.delegate = true
	case len(o.patterns) == 1 && len(o.patterns[0]) > 4 && o.patterns[0][len(o.patterns[0])-4:] == ".cfg":
		o.delegate = true
	}
	return o
}
