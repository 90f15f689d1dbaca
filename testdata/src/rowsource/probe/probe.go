// Package probe asserts rowsource.Result.Holds: the test analyzer reports
// "holds rows" at each probe call whose argument holds rows.
package probe

import "rowsource/repo"

func probe(v any) {}

func calls(s *repo.Store) {
	all, _ := s.All()
	probe(all) // want `holds rows`

	one, _ := s.One(1)
	probe(one) // one row: silent

	var into []repo.Order
	s.Into(&into)
	probe(into) // want `holds rows`

	var listed []repo.Order
	s.List(&listed, "paid")
	probe(listed) // want `holds rows`

	var o repo.Order
	o.LoadLines(nil)
	probe(o) // want `holds rows`

	probe(map[string]any{"orders": all})  // want `holds rows`
	probe(map[string]any{"status": "ok"}) // a literal of constants: silent

	probe(repo.Statuses()) // built from constants: silent
	probe(s.Count())       // a count: silent

	var single repo.Order
	s.List(&single, "id = 1") // a struct destination reads one row
	probe(single)             // silent
}

func throughInterface(p repo.Provider, n repo.Named) {
	orders, _ := p.Orders()
	probe(orders) // want `holds rows`

	probe(n.Names()) // no implementation returns rows: silent
}
