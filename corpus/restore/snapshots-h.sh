#!/bin/bash
# Restore script (h): the stop 53 held-out modules into the memlint corpus
# cache, each at its newest release tag's commit. Mirrors come from the
# fetch tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. These six
# services were run through memlint before any rule was changed for them,
# and every finding was triaged: the labels record that first contact
# (corpus/labels, "held-out (stop 53)").
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/casdoor/casdoor@e6b2338f8955455254ec2f48ef0a0390cbef9ec5 $M/casdoor+casdoor/repo
restore helm.sh/chartmuseum@7508866ec40195cbcb285e4981c092bcb9451944 $M/helm+chartmuseum/repo
restore github.com/openflagr/flagr@f6c49a5717b612fa44cd908b6f3013fd1a25d967 $M/openflagr+flagr/repo
restore github.com/pufferpanel/pufferpanel/v3@c932690bfcbc34b7c41d8e80008f65f1ac903f4e $M/pufferpanel+pufferpanel/repo
restore go.senan.xyz/gonic@5ae99e8af550e4d5cbd45a3b430419d32cb54aed $M/sentriz+gonic/repo
restore github.com/juicedata/juicefs@f65ce9be0edc653a0debca7b90255c65f65f85a4 $M/juicedata+juicefs/repo
# pufferpanel's package dist is the frontend's build output (vite copies
# public/webfiles.go, which embeds the built files, into dist/): the Go file
# is copied there and a placeholder page stands in for the build.
P=$CACHE/github.com+pufferpanel+pufferpanel+v3@c932690bfcbc34b7c41d8e80008f65f1ac903f4e/client/frontend
mkdir -p "$P/dist" && cp "$P/public/webfiles.go" "$P/dist/" && placeholder "$P/dist/index.html"

verify github.com/casdoor/casdoor@e6b2338f8955455254ec2f48ef0a0390cbef9ec5 ./...
verify helm.sh/chartmuseum@7508866ec40195cbcb285e4981c092bcb9451944 ./...
verify github.com/openflagr/flagr@f6c49a5717b612fa44cd908b6f3013fd1a25d967 ./...
verify github.com/pufferpanel/pufferpanel/v3@c932690bfcbc34b7c41d8e80008f65f1ac903f4e ./...
verify go.senan.xyz/gonic@5ae99e8af550e4d5cbd45a3b430419d32cb54aed ./...
verify github.com/juicedata/juicefs@f65ce9be0edc653a0debca7b90255c65f65f85a4 ./pkg/object/... ./pkg/gateway/... ./cmd/...
