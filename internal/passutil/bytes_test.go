package passutil

import (
	"strings"
	"testing"
)

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{
		"33554432": 32 << 20, "32<<20": 32 << 20, "32MiB": 32 << 20, "32 MiB": 32 << 20,
		"256KiB": 256 << 10, "1GiB": 1 << 30, "16*1024*1024": 16 << 20, "0": 0, "10B": 10,
	} {
		got, err := ParseBytes(in)
		if err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "1.5MiB", "lots", "1<<70", "x+1"} {
		if got, err := ParseBytes(bad); err == nil {
			t.Errorf("ParseBytes(%q) = %d, want error", bad, got)
		}
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		16 << 20: "16 MiB", 256 << 10: "256 KiB", 1 << 30: "1 GiB", 3 << 19: "1.5 MiB", 100: "100 bytes",
	} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestParseBytesErrorNamesInput checks that the error quotes the value as
// given ("4MB", not the "4M" left after the unit is cut) and the accepted
// forms.
func TestParseBytesErrorNamesInput(t *testing.T) {
	_, err := ParseBytes("4MB")
	if err == nil || !strings.Contains(err.Error(), `"4MB"`) || !strings.Contains(err.Error(), "MiB") {
		t.Errorf("ParseBytes(\"4MB\") error = %v, want it to quote \"4MB\" and name the units", err)
	}
}
