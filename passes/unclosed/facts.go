package unclosed

import "fmt"

// wrapperFact marks a constructor wrapper (see wrappers.go): a function
// that returns the fresh value of the tracked constructor Constructs
// (sarama.NewClient) as its first result, so that its calls, in any
// package, create that resource. What a function does with its parameters
// (releases, retains, returns) is the ownership engine's fact
// (internal/ownership), not this pass's.
type wrapperFact struct {
	Constructs string
	// Aliases are the other results that hold the same resource through
	// an adopter (kadm.NewClient(cl) returned beside cl): closing one
	// closes it.
	Aliases []int
	// Field is set for an owning wrapper: the function returns a struct
	// of its package that holds the fresh value in this field and
	// releases it in its methods Release, comma-separated, the value's
	// own release methods first (FranzProducer{client: cl}, whose Close
	// closes p.client).
	Field, Release string
}

func (*wrapperFact) AFact() {}

func (f *wrapperFact) String() string {
	s := "constructs(" + f.Constructs + ")"
	if len(f.Aliases) > 0 {
		s += " aliases" + fmt.Sprint(f.Aliases)
	}
	if f.Field != "" {
		s += " in(" + f.Field + ") released(" + f.Release + ")"
	}
	return s
}
