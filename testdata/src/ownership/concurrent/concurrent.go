// Package concurrent has many unexported functions whose ownership
// summaries are computed on demand, for TestConcurrentQueries.
package concurrent

import "io"

var held []io.Closer

func keep0(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use0(c)
}

func use0(c io.Closer) io.Closer {
	if len(held) > 0 {
		return c
	}
	c.Close()
	return nil
}

func keep1(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use1(c)
}

func use1(c io.Closer) io.Closer {
	if len(held) > 1 {
		return c
	}
	c.Close()
	return nil
}

func keep2(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use2(c)
}

func use2(c io.Closer) io.Closer {
	if len(held) > 2 {
		return c
	}
	c.Close()
	return nil
}

func keep3(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use3(c)
}

func use3(c io.Closer) io.Closer {
	if len(held) > 3 {
		return c
	}
	c.Close()
	return nil
}

func keep4(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use4(c)
}

func use4(c io.Closer) io.Closer {
	if len(held) > 4 {
		return c
	}
	c.Close()
	return nil
}

func keep5(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use5(c)
}

func use5(c io.Closer) io.Closer {
	if len(held) > 5 {
		return c
	}
	c.Close()
	return nil
}

func keep6(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use6(c)
}

func use6(c io.Closer) io.Closer {
	if len(held) > 6 {
		return c
	}
	c.Close()
	return nil
}

func keep7(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use7(c)
}

func use7(c io.Closer) io.Closer {
	if len(held) > 7 {
		return c
	}
	c.Close()
	return nil
}

func keep8(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use8(c)
}

func use8(c io.Closer) io.Closer {
	if len(held) > 8 {
		return c
	}
	c.Close()
	return nil
}

func keep9(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use9(c)
}

func use9(c io.Closer) io.Closer {
	if len(held) > 9 {
		return c
	}
	c.Close()
	return nil
}

func keep10(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use10(c)
}

func use10(c io.Closer) io.Closer {
	if len(held) > 10 {
		return c
	}
	c.Close()
	return nil
}

func keep11(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use11(c)
}

func use11(c io.Closer) io.Closer {
	if len(held) > 11 {
		return c
	}
	c.Close()
	return nil
}

func keep12(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use12(c)
}

func use12(c io.Closer) io.Closer {
	if len(held) > 12 {
		return c
	}
	c.Close()
	return nil
}

func keep13(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use13(c)
}

func use13(c io.Closer) io.Closer {
	if len(held) > 13 {
		return c
	}
	c.Close()
	return nil
}

func keep14(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use14(c)
}

func use14(c io.Closer) io.Closer {
	if len(held) > 14 {
		return c
	}
	c.Close()
	return nil
}

func keep15(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use15(c)
}

func use15(c io.Closer) io.Closer {
	if len(held) > 15 {
		return c
	}
	c.Close()
	return nil
}

func keep16(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use16(c)
}

func use16(c io.Closer) io.Closer {
	if len(held) > 16 {
		return c
	}
	c.Close()
	return nil
}

func keep17(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use17(c)
}

func use17(c io.Closer) io.Closer {
	if len(held) > 17 {
		return c
	}
	c.Close()
	return nil
}

func keep18(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use18(c)
}

func use18(c io.Closer) io.Closer {
	if len(held) > 18 {
		return c
	}
	c.Close()
	return nil
}

func keep19(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use19(c)
}

func use19(c io.Closer) io.Closer {
	if len(held) > 19 {
		return c
	}
	c.Close()
	return nil
}

func keep20(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use20(c)
}

func use20(c io.Closer) io.Closer {
	if len(held) > 20 {
		return c
	}
	c.Close()
	return nil
}

func keep21(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use21(c)
}

func use21(c io.Closer) io.Closer {
	if len(held) > 21 {
		return c
	}
	c.Close()
	return nil
}

func keep22(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use22(c)
}

func use22(c io.Closer) io.Closer {
	if len(held) > 22 {
		return c
	}
	c.Close()
	return nil
}

func keep23(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use23(c)
}

func use23(c io.Closer) io.Closer {
	if len(held) > 23 {
		return c
	}
	c.Close()
	return nil
}

func keep24(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use24(c)
}

func use24(c io.Closer) io.Closer {
	if len(held) > 24 {
		return c
	}
	c.Close()
	return nil
}

func keep25(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use25(c)
}

func use25(c io.Closer) io.Closer {
	if len(held) > 25 {
		return c
	}
	c.Close()
	return nil
}

func keep26(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use26(c)
}

func use26(c io.Closer) io.Closer {
	if len(held) > 26 {
		return c
	}
	c.Close()
	return nil
}

func keep27(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use27(c)
}

func use27(c io.Closer) io.Closer {
	if len(held) > 27 {
		return c
	}
	c.Close()
	return nil
}

func keep28(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use28(c)
}

func use28(c io.Closer) io.Closer {
	if len(held) > 28 {
		return c
	}
	c.Close()
	return nil
}

func keep29(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use29(c)
}

func use29(c io.Closer) io.Closer {
	if len(held) > 29 {
		return c
	}
	c.Close()
	return nil
}

func keep30(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use30(c)
}

func use30(c io.Closer) io.Closer {
	if len(held) > 30 {
		return c
	}
	c.Close()
	return nil
}

func keep31(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use31(c)
}

func use31(c io.Closer) io.Closer {
	if len(held) > 31 {
		return c
	}
	c.Close()
	return nil
}

func keep32(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use32(c)
}

func use32(c io.Closer) io.Closer {
	if len(held) > 32 {
		return c
	}
	c.Close()
	return nil
}

func keep33(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use33(c)
}

func use33(c io.Closer) io.Closer {
	if len(held) > 33 {
		return c
	}
	c.Close()
	return nil
}

func keep34(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use34(c)
}

func use34(c io.Closer) io.Closer {
	if len(held) > 34 {
		return c
	}
	c.Close()
	return nil
}

func keep35(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use35(c)
}

func use35(c io.Closer) io.Closer {
	if len(held) > 35 {
		return c
	}
	c.Close()
	return nil
}

func keep36(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use36(c)
}

func use36(c io.Closer) io.Closer {
	if len(held) > 36 {
		return c
	}
	c.Close()
	return nil
}

func keep37(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use37(c)
}

func use37(c io.Closer) io.Closer {
	if len(held) > 37 {
		return c
	}
	c.Close()
	return nil
}

func keep38(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use38(c)
}

func use38(c io.Closer) io.Closer {
	if len(held) > 38 {
		return c
	}
	c.Close()
	return nil
}

func keep39(c io.Closer) io.Closer {
	if c == nil {
		return nil
	}
	held = append(held, c)
	return use39(c)
}

func use39(c io.Closer) io.Closer {
	if len(held) > 39 {
		return c
	}
	c.Close()
	return nil
}
