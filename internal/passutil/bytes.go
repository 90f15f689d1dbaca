package passutil

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// ByteSize is a flag.Value holding a byte count. It accepts plain numbers
// (33554432), Go constant expressions of shifts and products (32<<20,
// 16*1024*1024) and IEC units (32MiB, 256KiB, 1GiB).
type ByteSize int64

func (b *ByteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

// Set parses s; it rejects negative and malformed sizes.
func (b *ByteSize) Set(s string) error {
	n, err := ParseBytes(s)
	if err != nil {
		return err
	}
	*b = ByteSize(n)
	return nil
}

var units = []struct {
	suffix string
	mult   int64
}{
	{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1},
}

// ParseBytes parses a byte count as accepted by ByteSize.Set.
func ParseBytes(text string) (int64, error) {
	s := strings.TrimSpace(text)
	mult := int64(1)
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(num), u.mult
			break
		}
	}
	tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, s)
	if err != nil || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, fmt.Errorf("invalid byte size %q: want a number of bytes such as 1048576, 1<<20 or 1MiB (units B, KiB, MiB, GiB)", text)
	}
	n, ok := constant.Int64Val(tv.Value)
	if !ok || n < 0 || (mult > 1 && n > (1<<62)/mult) {
		return 0, fmt.Errorf("invalid byte size %q: out of range", text)
	}
	return n * mult, nil
}

// FormatBytes renders n in the largest IEC unit that divides it evenly
// ("16 MiB", "256 KiB"), or with one decimal when none does ("1.5 MiB").
func FormatBytes(n int64) string {
	for _, u := range units[:3] {
		if n >= u.mult {
			if n%u.mult == 0 {
				return fmt.Sprintf("%d %s", n/u.mult, u.suffix)
			}
			return fmt.Sprintf("%.1f %s", float64(n)/float64(u.mult), u.suffix)
		}
	}
	if n == 1 {
		return "1 byte"
	}
	return fmt.Sprintf("%d bytes", n)
}
