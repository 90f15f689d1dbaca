// Package version reports which memlint this binary is, from the build
// information the go command embeds: the module version (a tag such as
// v0.2.0 for `go install github.com/memlint/memlint/cmd/memlint@v0.2.0`,
// "(devel)" for a build in a clone) and, for a build in a git clone, the
// VCS revision, its time and whether the tree had changes.
package version

import (
	"runtime/debug"
	"strings"
)

// Module is memlint's module version: a release tag, a pseudo-version, or
// "(devel)" for a build from a clone (or "unknown" without build info).
func Module() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := bi.Main.Version; v != "" {
		return v
	}
	return "(devel)"
}

// String is Module followed by the VCS details where the build has them,
// e.g. "(devel) vcs.revision=4bb856b2f1c0 vcs.time=2026-12-02T00:00:00Z
// vcs.modified=true". It contains no newline.
func String() string {
	parts := []string{Module()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v := s.Value
				if len(v) > 12 {
					v = v[:12]
				}
				parts = append(parts, "vcs.revision="+v)
			case "vcs.time", "vcs.modified":
				parts = append(parts, s.Key+"="+s.Value)
			}
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}
