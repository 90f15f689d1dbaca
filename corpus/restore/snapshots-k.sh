#!/bin/bash
# Restore script (k): the stop 57 held-out modules into the memlint corpus
# cache: soft-serve at its newest release tag (v0.12.2) and pocket-id's
# backend/ module at v2.9.0, the newest release whose requirements the proxy
# serves (v2.10.0 and later require github.com/pocket-id/fosite and
# github.com/italypaleale/francis versions it refuses with 403). Mirrors come from the fetch tool
# (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. Their sites were
# labelled by hand before memlint was run on them ("held-out (stop 57),
# blind" in corpus/labels).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/pocket-id/pocket-id/backend@49cb131b7de6348adf9c0d742e1c0cee58dcb37d $M/pocket-id+pocket-id/repo backend
restore github.com/charmbracelet/soft-serve@db5f041faf815581ebf1598e11427393959483bf $M/charmbracelet+soft-serve/repo
# pocket-id embeds its SvelteKit build (frontend/dist, built by vite) unless
# built with -tags exclude_frontend: a placeholder page stands in.
placeholder "$CACHE/github.com+pocket-id+pocket-id+backend@49cb131b7de6348adf9c0d742e1c0cee58dcb37d/frontend/dist/index.html"

verify github.com/pocket-id/pocket-id/backend@49cb131b7de6348adf9c0d742e1c0cee58dcb37d ./...
verify github.com/charmbracelet/soft-serve@db5f041faf815581ebf1598e11427393959483bf ./...
