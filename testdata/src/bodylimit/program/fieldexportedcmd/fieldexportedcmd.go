// Command fieldexportedcmd starts the server fieldexported keeps in an // want package:"program\\(covered\\(1\\)\\)"
// exported field, and gives it nothing: the start site's finding is here.
package main

import "bodylimit/program/fieldexported"

func main() {
	fieldexported.New().Start() // want `^fieldexported\.\(\*App\)\.create \(io\.ReadAll\) reads request bodies whole with no body limit in this package or the module.s packages it imports; a server starts here \(fieldexported\.\(\*App\)\.Start starts it at program/fieldexported/fieldexported\.go:\d+\)`
}
