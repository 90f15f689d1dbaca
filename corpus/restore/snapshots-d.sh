#!/bin/bash
# Restore the git-snapshot modules added at stop 36 (blind round 9) into the
# memlint corpus cache, with the dependencies no proxy serves extracted into
# the trees (modules.txt names them with dep=MODULE=DIR). Mirrors come from
# the fetch tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo.
set -u
CACHE=/root/.cache/memlint-corpus/src
M=/work/.mirror
mkdir -p "$CACHE"
extract() { # MIRROR COMMIT DIR
  git --git-dir="$1" cat-file -e "$2^{commit}" || { echo "MISSING commit $2 in $1"; return 1; }
  rm -rf "$3"; mkdir -p "$3"
  git --git-dir="$1" archive "$2" | tar -x -C "$3"
}
key() { echo "$CACHE/${1//\//+}"; }

K=github.com/openimsdk/open-im-server@7848d7c7354945fe7b40f6b990db8b6013a9037c
extract $M/openimsdk+open-im-server/repo ${K##*@} "$(key $K)"
# github.com/openimsdk/tools v0.0.50-alpha.117: the proxy answers 403.
extract $M/openimsdk+tools/repo b2339593a17d20a90297da9a8e9f279f3c3eebb5 "$(key $K)/_deps/openimsdk-tools"

K=github.com/mayswind/ezbookkeeping@2e20df861c25a40253ceabbf91a9ee456fc4601b
extract $M/mayswind+ezbookkeeping/repo ${K##*@} "$(key $K)"

K=github.com/go-admin-team/go-admin@85666f160f2994c17e30e817862befa1cd930535
extract $M/go-admin-team+go-admin/repo ${K##*@} "$(key $K)"
# github.com/go-admin-team/go-admin-core v1.7.1-0.20260818135152-a912b404d5c0: 403.
extract $M/go-admin-team+go-admin-core/repo a912b404d5c09cca4320b4906918400334a9b26d "$(key $K)/_corpus_deps/go-admin-core"

for K in github.com/openimsdk/open-im-server@7848d7c7354945fe7b40f6b990db8b6013a9037c \
  github.com/mayswind/ezbookkeeping@2e20df861c25a40253ceabbf91a9ee456fc4601b \
  github.com/go-admin-team/go-admin@85666f160f2994c17e30e817862befa1cd930535; do
  touch "$(key $K)/.complete"
done
echo "load check: go run ./corpus -modules open-im-server,ezbookkeeping,go-admin"
