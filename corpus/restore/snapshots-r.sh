#!/bin/bash
# Restore script (r): the stop 65 held-out service that the proxy refuses,
# traggo v0.8.3 (time tracking: gorilla/mux, gqlgen and gorm), labelled
# blind before memlint ran on it, at its newest release tag. The round's
# other service, CrowdSec v1.7.8, comes from the proxy (modules.txt).
# Mirrors come from the fetch tool (github:OWNER/REPO) at
# /work/.mirror/OWNER+REPO/repo.
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/traggo/server@6321119c3c2d55f04e2e4967f6492aabd6067b76 $M/traggo+server/repo
# traggo embeds its React build (ui/build): a placeholder page stands in.
# Its gqlgen output (generated/) is not in git: the Makefile's generator,
# at the version go.mod and the Makefile pin, writes it.
D="$CACHE/github.com+traggo+server@6321119c3c2d55f04e2e4967f6492aabd6067b76"
placeholder "$D/ui/build/index.html"
(cd "$D" && GOFLAGS=-mod=mod go run github.com/99designs/gqlgen@v0.17.85) || echo "GENERATE FAILED traggo" >&2
verify github.com/traggo/server@6321119c3c2d55f04e2e4967f6492aabd6067b76 ./...
