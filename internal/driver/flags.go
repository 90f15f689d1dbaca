package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

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

	// buildFlags are the build flags (-tags, -mod, ...) forwarded to
	// go list, as go vet forwards them.
	buildFlags []string

	// delegate is set when the command line is not a standalone run
	// (help, -V, -flags, a vet *.cfg unit): multichecker handles it.
	delegate bool

	// err is a usage error (unknown flag, bad value): one line naming
	// the flag, the value and what is accepted.
	err error

	patterns []string

	analyzers []*analysis.Analyzer // for -sarif's rules
}

// Usage errors (an unknown flag, a bad flag value, a bad MEMLINT_JOBS)
// exit with this status, as with go vet and gofmt.
const exitUsage = 2

// maxContext bounds -c, the lines of context printed around a finding.
const maxContext = 1000

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
		return errors.New("want true or false")
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

// buildFlag is a go build flag forwarded to go list as given.
type buildFlag struct {
	name  string
	args  *[]string
	bool  bool
	check func(string) error
}

func (b *buildFlag) String() string { return "" }
func (b *buildFlag) Set(s string) error {
	if b.bool {
		if _, err := strconv.ParseBool(s); err != nil {
			return errors.New("want true or false")
		}
	}
	if b.check != nil {
		if err := b.check(s); err != nil {
			return err
		}
	}
	*b.args = append(*b.args, "-"+b.name+"="+s)
	return nil
}
func (b *buildFlag) IsBoolFlag() bool { return b.bool }

// buildFlags are the go build flags that decide which files and packages
// are analysed, forwarded to go list as go vet forwards them. Build flags
// that only affect compiling or linking are not accepted: they would have
// no effect.
var buildFlags = []struct {
	name string
	bool bool
	ok   []string // accepted values, when they are a fixed set
}{
	{name: "tags"},
	{name: "mod", ok: []string{"readonly", "vendor", "mod"}},
	{name: "modfile"},
	{name: "modcacherw", bool: true},
	{name: "race", bool: true},
	{name: "msan", bool: true},
	{name: "asan", bool: true},
	{name: "toolexec"},
}

// parseArgs parses args with multichecker's flag names (so that anything
// this driver does not handle itself can be handed over to multichecker
// unchanged) plus the build flags go vet forwards. A usage error is kept
// in o.err as one line.
func parseArgs(args []string, analyzers []*analysis.Analyzer) *options {
	o := &options{context: -1, tests: true}
	fs := flag.NewFlagSet("memlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
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
	for _, bf := range buildFlags {
		b := &buildFlag{name: bf.name, args: &o.buildFlags, bool: bf.bool}
		if ok := bf.ok; ok != nil {
			b.check = func(s string) error {
				for _, v := range ok {
					if s == v {
						return nil
					}
				}
				return fmt.Errorf("want one of %s", strings.Join(ok, ", "))
			}
		}
		fs.Var(b, bf.name, "")
	}

	if err := fs.Parse(args); err != nil {
		o.err = usageError(args, err)
		return o
	}
	o.patterns = fs.Args()
	switch {
	case len(o.patterns) == 0, o.patterns[0] == "help":
		o.delegate = true
	case len(o.patterns) == 1 && strings.HasSuffix(o.patterns[0], ".cfg"):
		o.delegate = true
	}
	if o.delegate {
		return o
	}
	if o.context < -1 || o.context > maxContext {
		o.err = fmt.Errorf("invalid value \"%d\" for flag -c: want a number of lines from 0 to %d", o.context, maxContext)
	}
	return o
}

// usageError turns the flag package's error into one line that names the
// flag, the value and the accepted forms.
func usageError(args []string, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Errorf("unknown flag %s (memlint help lists the flags)", name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Errorf("flag %s needs a value", name)
	}
	// invalid value "4MB" for flag -bigbuffer.max-bytes: invalid byte
	// size "4MB": want ...: keep the flag package's first part, then
	// what the value says is accepted.
	if head, detail, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(head, "invalid ") {
		if i := strings.Index(detail, ": "); i >= 0 && strings.HasPrefix(detail, "invalid ") {
			detail = detail[i+2:]
		}
		if strings.HasPrefix(detail, "parse error") || strings.HasPrefix(detail, "strconv.") {
			detail = "want an integer"
		}
		return fmt.Errorf("%s: %s", head, detail)
	}
	return err
}
