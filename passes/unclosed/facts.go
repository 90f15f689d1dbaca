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
}

func (*wrapperFact) AFact() {}

func (f *wrapperFact) String() string {
	s := "constructs(" + f.Constructs + ")"
	if len(f.Aliases) > 0 {
		s += " aliases" + fmt.Sprint(f.Aliases)
	}
	return s
}
