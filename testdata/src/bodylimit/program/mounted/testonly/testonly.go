// Package testonly mounts the router and starts the server only in its // want package:"program\\(reads\\(handlers\\.addItems\\)\\)"
// tests: a test is no deployment, so nothing is reported.
package testonly

import _ "bodylimit/program/mounted/handlers"
