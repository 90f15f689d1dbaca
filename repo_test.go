package memlint_test

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// binaryMagic are the first bytes of the executables and archives `go
// build` and `go test -c` write: ELF, Mach-O (32- and 64-bit, both byte
// orders, and universal), PE ("MZ") and ar archives.
var binaryMagic = [][]byte{
	[]byte("\x7fELF"),
	{0xfe, 0xed, 0xfa, 0xce}, {0xce, 0xfa, 0xed, 0xfe},
	{0xfe, 0xed, 0xfa, 0xcf}, {0xcf, 0xfa, 0xed, 0xfe},
	{0xca, 0xfe, 0xba, 0xbe},
	[]byte("MZ"),
	[]byte("!<arch>\n"),
}

// TestNoCommittedBinaries checks that git tracks no compiled program: a
// `go build` run inside examples/ once committed a 9.5 MB executable next
// to its sources. It needs git and a checkout; it is skipped without them.
func TestNoCommittedBinaries(t *testing.T) {
	out, err := exec.Command("git", "ls-files", "-z").Output()
	if err != nil {
		t.Skipf("git ls-files: %v (not a git checkout)", err)
	}
	for name := range strings.SplitSeq(strings.TrimRight(string(out), "\x00"), "\x00") {
		head, err := readHead(name, 8)
		if err != nil {
			continue // deleted in the work tree, or a submodule
		}
		for _, m := range binaryMagic {
			if bytes.HasPrefix(head, m) {
				t.Errorf("%s is a compiled binary (starts with %q); remove it with git rm --cached and rebuild it where it is needed", name, m)
				break
			}
		}
	}
}

func readHead(name string, n int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf[:k], nil
}
