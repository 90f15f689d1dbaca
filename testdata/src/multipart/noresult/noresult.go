// Package noresult calls form-parsing helpers that have no results, as
// plain calls, go and defer statements, methods and helpers of another
// package (regression: the pass panicked with index out of range [-1]).
package noresult

import (
	"net/http"

	"multipart/parsehelp"
)

func parse(r *http.Request) { // want parse:`parsesForm\(0\)`
	r.ParseMultipartForm(1 << 20) // fine: a helper's parse
}

type app struct{}

func (app) parse(r *http.Request) { // want parse:`parsesForm\(0\)`
	r.ParseMultipartForm(1 << 20) // fine: a helper method's parse
}

func Plain(w http.ResponseWriter, r *http.Request) {
	parse(r) // want `parse \(which parses the form\) without RemoveAll`
}

func Deferred(w http.ResponseWriter, r *http.Request) {
	defer parse(r) // want `parse \(which parses the form\) without RemoveAll`
}

func Spawned(w http.ResponseWriter, r *http.Request) {
	go parse(r) // fine: handed to a goroutine, which may outlive the handler and clean up
}

func Method(w http.ResponseWriter, r *http.Request) {
	var a app
	a.parse(r) // want `parse \(which parses the form\) without RemoveAll`
}

func OtherPackage(w http.ResponseWriter, r *http.Request) {
	parsehelp.Parse(r) // want `Parse \(which parses the form\) without RemoveAll`
}

func OtherPackageMethod(w http.ResponseWriter, r *http.Request) {
	parsehelp.Uploads{}.Parse(r) // want `Parse \(which parses the form\) without RemoveAll`
}

func Cleaned(w http.ResponseWriter, r *http.Request) {
	parse(r) // fine: removed below
	r.MultipartForm.RemoveAll()
}
