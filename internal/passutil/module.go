package passutil

import (
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ModulePath returns the path of the module of the analysed package: the
// driver's, or, when the driver gives none (GOPATH mode, analysistest),
// the first element of the package path, or its first three for a host
// name (github.com/o/r). Passes with module-wide package facts keep to
// the packages of this module.
func ModulePath(pass *analysis.Pass) string {
	if m := pass.Module; m != nil && m.Path != "" {
		return m.Path
	}
	parts := strings.Split(pass.Pkg.Path(), "/")
	if strings.Contains(parts[0], ".") {
		if len(parts) < 3 {
			return ""
		}
		return strings.Join(parts[:3], "/")
	}
	return parts[0]
}

// InModule reports whether the package path is mod or below it.
func InModule(path, mod string) bool {
	return path == mod || strings.HasPrefix(path, mod+"/")
}

// ModulePos prints pos, in the analysed package, as "dir/file.go:12" for
// a message about it that another package reports: dir is the package's
// directory in its module (see ModulePath), after the module's path when
// the module is a dependency ("github.com/xuri/excelize/v2/lib.go:53").
func ModulePos(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	name := p.Filename
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if mod := ModulePath(pass); mod != "" && InModule(pass.Pkg.Path(), mod) {
		if dir := strings.TrimPrefix(strings.TrimPrefix(pass.Pkg.Path(), mod), "/"); dir != "" {
			name = dir + "/" + name
		}
		if m := pass.Module; m != nil && m.Version != "" {
			// A dependency's file: a module-relative path would read as
			// one of the user's.
			name = mod + "/" + name
		}
	} else if dir := pass.Pkg.Path(); dir != "" {
		name = dir[strings.LastIndex(dir, "/")+1:] + "/" + name
	}
	return name + ":" + strconv.Itoa(p.Line)
}
