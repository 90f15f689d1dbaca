// Package e2e holds memlint's end-to-end tests that drive real external tools: golangci-lint (custom build with the module plugin), pre-commit and Neovim. They build memlint and tools from this checkout and skip under -short.
package e2e
