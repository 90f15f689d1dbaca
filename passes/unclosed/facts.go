package unclosed

// wrapperFact marks a constructor wrapper (see wrappers.go): a function
// that returns the fresh value of the tracked constructor Constructs
// (sarama.NewClient) as its first result, so that its calls, in any
// package, create that resource. What a function does with its parameters
// (releases, retains, returns) is the ownership engine's fact
// (internal/ownership), not this pass's.
type wrapperFact struct {
	Constructs string
}

func (*wrapperFact) AFact() {}

func (f *wrapperFact) String() string { return "constructs(" + f.Constructs + ")" }
