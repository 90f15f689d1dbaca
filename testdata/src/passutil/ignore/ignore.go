// Package ignore exercises //memlint:ignore with a test analyzer named
// alpha that reports every call of leak; the known passes are alpha and
// beta in that test.
package ignore

func leak() {}

func suppressed() {
	//memlint:ignore alpha the reason
	leak() // fine: the directive above names alpha and gives a reason

	leak() //memlint:ignore alpha,beta fine: same line, several passes

	leak() //memlint:ignore all fine: all names every pass

	leak() //memlint:ignore	alpha fine: a tab after the prefix is a word boundary
}

func noReason() {
	/* want `^memlint:ignore needs a reason after the pass name` */ //memlint:ignore alpha
	leak()                                                          // want `^leak called$`

	/* want `^memlint:ignore needs a reason` */ //memlint:ignore all
	leak()                                      // want `^leak called$`
}

func noPass() {
	/* want `^memlint:ignore names no pass and suppresses nothing: .* passes from alpha, beta or all$` */ //memlint:ignore
	leak()                                                                                                // want `^leak called$`
}

func unknownPass() {
	/* want `^memlint:ignore names unknown pass "alpah" \(did you mean alpha\?\) and suppresses nothing for it$` */ //memlint:ignore alpah the reason
	leak()                                                                                                          // want `^leak called$`

	/* want `^memlint:ignore names unknown pass "always" and suppresses nothing for it; passes are alpha, beta or all$` */ //memlint:ignore always the proxy rejects big bodies
	leak()                                                                                                                 // want `^leak called$`

	//memlint:ignore betta the reason
	leak() // want `^leak called$`
	// (the warning for "betta" belongs to beta, the nearest pass, so that it is reported once)

	/* want `unknown pass "apple"` */ //memlint:ignore alpha,apple the reason
	leak()                            // fine: alpha is named, with a reason
}

func wordBoundary() {
	//memlint:ignorealpha not a directive: no word boundary after ignore
	leak() // want `^leak called$`

	//memlint:ignored alpha not a directive either
	leak() // want `^leak called$`
}
