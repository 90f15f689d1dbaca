package passutil

import "testing"

func TestParams(t *testing.T) {
	var p Params
	if got := p.Format("closes"); got != "" {
		t.Errorf("empty Format = %q, want \"\"", got)
	}
	p = p.Add(2).Add(0).Add(2)
	if got, want := p.Format("closes"), "closes(0,2)"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if !p.Has(0) || p.Has(1) {
		t.Errorf("Has: %v", p)
	}
	if got, want := JoinFacts("", p.Format("closes"), "", "limiter"), "closes(0,2) limiter"; got != want {
		t.Errorf("JoinFacts = %q, want %q", got, want)
	}
}

func TestFixedPoint(t *testing.T) {
	rounds := 0
	FixedPoint(func() bool { rounds++; return rounds < 3 })
	if rounds != 3 {
		t.Errorf("converging after 3 rounds ran %d", rounds)
	}
	rounds = 0
	FixedPoint(func() bool { rounds++; return true })
	if rounds != MaxRounds {
		t.Errorf("never converging ran %d rounds, want the cap %d", rounds, MaxRounds)
	}
}
