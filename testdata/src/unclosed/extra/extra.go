// Package extra is checked with -unclosed.extra=unclosed/extra/res.Open,(*unclosed/extra/res.Pool).Conn.
package extra

import "unclosed/extra/res"

func leak() error {
	p, err := res.Open("db") // want `^res\.Pool p from res\.Open is never closed \(leaks what it holds\)$`
	if err != nil {
		return err
	}
	c := p.Conn() // want `^res\.Conn c from \(\*res\.Pool\)\.Conn is never closed`
	return c.Exec("select 1")
}

// Fine: both closed.
func closed() error {
	p, err := res.Open("db")
	if err != nil {
		return err
	}
	defer p.Close()
	c := p.Conn()
	return c.Close()
}
