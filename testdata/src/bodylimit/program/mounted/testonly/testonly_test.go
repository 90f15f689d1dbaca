package testonly

import (
	"testing"

	"bodylimit/program/mounted/app"
	"bodylimit/program/mounted/handlers"
)

func TestServe(t *testing.T) {
	a := app.New()
	a.Mount("/api/", handlers.Routes())
	a.Start(":0")
}
