#!/bin/bash
# Restore script (n): the stop 60 held-out modules into the memlint corpus
# cache: dexidp's dex (the OpenID Connect provider: net/http handlers,
# SQL and ent storage, gRPC API, connectors calling upstream identity
# providers) and tinode's chat server (websocket and long-poll sessions,
# file uploads to disk or S3, MySQL, PostgreSQL and MongoDB adapters),
# both at the newest commit of their default branch in the snapshot.
# Mirrors come from the fetch tool (github:OWNER/REPO) at
# /work/.mirror/OWNER+REPO/repo. Their sites were labelled by hand before
# memlint was run on them ("held-out (stop 60), blind" in corpus/labels).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/dexidp/dex@ab64ed778070e983cbb10cfc07ea4bb397d14312 $M/dexidp+dex/repo
restore github.com/tinode/chat@22a7c18e9cd695e9a061bf1b8c84175196ef5a15 $M/tinode+chat/repo

verify github.com/dexidp/dex@ab64ed778070e983cbb10cfc07ea4bb397d14312 ./...
verify github.com/tinode/chat@22a7c18e9cd695e9a061bf1b8c84175196ef5a15 ./...
