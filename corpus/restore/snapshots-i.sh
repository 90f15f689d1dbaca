#!/bin/bash
# Restore script (i): the stop 55 held-out modules into the memlint corpus
# cache, each at its newest release tag's commit (the newest commit where the
# repository tags no release). Mirrors come from the fetch tool
# (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. These services were
# run through memlint before any rule was changed for them, and every finding
# was triaged: the labels record that first contact (corpus/labels,
# "held-out (stop 55)").
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
S=a8677d3d5f5de41b7355d3a3278ec03458c96530
restore github.com/GoogleCloudPlatform/golang-samples/storage@$S $M/GoogleCloudPlatform+golang-samples/repo storage
restore github.com/GoogleCloudPlatform/golang-samples/getting-started/bookshelf@$S $M/GoogleCloudPlatform+golang-samples/repo getting-started/bookshelf
restore github.com/ardanlabs/service@43e8ae07abdc554ab7361d73fcbbee7a87bfa891 $M/ardanlabs+service/repo
restore github.com/forceu/gokapi@9a4b289c604198c05589e34314e889d2c25386d8 $M/Forceu+Gokapi/repo
restore github.com/twmb/kcl@d2788f244ffb712f5987951c0a9d0ca7f36965bd $M/twmb+kcl/repo
restore github.com/redpanda-data/connect/v4@2b1d3c8314ce1dc165b92062e349424bee1af22c $M/redpanda-data+connect/repo
# gokapi embeds two WebAssembly files its build makes (web/main.wasm,
# web/e2e.wasm): placeholders stand in for them.
G=$CACHE/github.com+forceu+gokapi@9a4b289c604198c05589e34314e889d2c25386d8/internal/webserver/web
placeholder "$G/main.wasm" && placeholder "$G/e2e.wasm"
# ardanlabs/service requires genproto pseudo-versions the proxy refuses
# (403); the newest ones it serves stand in.
( cd "$CACHE/github.com+ardanlabs+service@43e8ae07abdc554ab7361d73fcbbee7a87bfa891" &&
  go mod edit -require=google.golang.org/genproto/googleapis/rpc@v0.0.0-20261110000943-09e21b237f2c \
    -require=google.golang.org/genproto/googleapis/api@v0.0.0-20261110000943-09e21b237f2c )

verify github.com/GoogleCloudPlatform/golang-samples/storage@$S ./...
verify github.com/GoogleCloudPlatform/golang-samples/getting-started/bookshelf@$S ./...
verify github.com/ardanlabs/service@43e8ae07abdc554ab7361d73fcbbee7a87bfa891 ./...
verify github.com/forceu/gokapi@9a4b289c604198c05589e34314e889d2c25386d8 ./...
verify github.com/twmb/kcl@d2788f244ffb712f5987951c0a9d0ca7f36965bd ./...
verify github.com/redpanda-data/connect/v4@2b1d3c8314ce1dc165b92062e349424bee1af22c ./internal/impl/kafka/... ./internal/impl/gcp/... ./internal/impl/sql/... ./internal/impl/gateway/...
