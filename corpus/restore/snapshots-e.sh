#!/bin/bash
# Restore the git-snapshot modules added at stop 40 (blind round 10) into the
# memlint corpus cache, with the dependencies no proxy serves extracted into
# the trees (modules.txt names them with dep=MODULE=DIR) and placeholders for
# files the snapshots lack. Mirrors come from the fetch tool
# (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo.
set -u
CACHE=/root/.cache/memlint-corpus/src
M=/work/.mirror
mkdir -p "$CACHE"
extract() { # MIRROR COMMIT DIR [PATHSPEC...]
  git --git-dir="$1" cat-file -e "$2^{commit}" || { echo "MISSING commit $2 in $1"; return 1; }
  rm -rf "$3"; mkdir -p "$3"
  local m=$1 c=$2 d=$3; shift 3
  git --git-dir="$m" archive "$c" "$@" | tar -x -C "$d"
}
key() { echo "$CACHE/${1//\//+}"; }
# extract_except MIRROR COMMIT DIR PREFIX: every file but those under
# PREFIX, whose blobs the mirror lacks (git archive stops at a missing blob
# even when a pathspec leaves it out): the commit's tree is read into a
# scratch index, PREFIX is dropped from it and the rest checked out.
extract_except() {
  rm -rf "$3"; mkdir -p "$3"
  local idx; idx=$(mktemp)
  GIT_INDEX_FILE=$idx git --git-dir="$1" read-tree "$2" &&
    GIT_INDEX_FILE=$idx git --git-dir="$1" rm -r -q --cached "$4" &&
    GIT_INDEX_FILE=$idx git --git-dir="$1" checkout-index -a --prefix="$3/"
  local rc=$?
  rm -f "$idx"
  return $rc
}

# gogs v0.14.3: one blob under public/plugins is absent from the mirror, so
# public/plugins is left out and an index.html stands in for its embed.
# go.bobheadxi.dev/streamline (403) is corpus/stubs' type-checking stub.
K=github.com/gogs/gogs@3ba8aca90e17e5410b7e8b227c9f29256ac3e875
D=$(key $K)
extract_except $M/gogs+gogs/repo ${K##*@} "$D" public/plugins
mkdir -p "$D/public/plugins"; echo '<!-- placeholder -->' > "$D/public/plugins/index.html"

K=github.com/birdayz/kaf@2ecc79847b37255049390564fdc51df16fe54f6f
extract $M/birdayz+kaf/repo ${K##*@} "$(key $K)"

K=github.com/conduitio/conduit-connector-kafka@194ffa72d8e81de9558becad9d525884cebd0ba2
extract $M/ConduitIO+conduit-connector-kafka/repo ${K##*@} "$(key $K)"

# sftpgo v2.7.5 needs github.com/drakkan/webdav at a commit the proxy
# refuses and the mirror lacks; the newest mirrored commit (b8b8f74a)
# type-checks for what sftpgo uses (webdav.LockSystem).
K=github.com/drakkan/sftpgo@9888a3d169aed9011ae6e4f7a97ae735c1643068
extract $M/drakkan+sftpgo/repo ${K##*@} "$(key $K)"
extract $M/drakkan+webdav/repo b8b8f74ae71b1d2bee6773c64c567f5a1ba9dc54 "$(key $K)/_corpus_deps/webdav"

# goatcounter v2.7.0: pkg/geo/GeoLite2-Country.mmdb.gz is absent from the
# snapshot; an empty gzip stands in for its embed.
K=github.com/arp242/goatcounter@7e91d8a9bdbb0dd48496e498c5680f8f3477a1b4
extract_except $M/arp242+goatcounter/repo ${K##*@} "$(key $K)" pkg/geo/GeoLite2-Country.mmdb.gz
gzip -c < /dev/null > "$(key $K)/pkg/geo/GeoLite2-Country.mmdb.gz"

for K in github.com/gogs/gogs@3ba8aca90e17e5410b7e8b227c9f29256ac3e875 \
  github.com/birdayz/kaf@2ecc79847b37255049390564fdc51df16fe54f6f \
  github.com/conduitio/conduit-connector-kafka@194ffa72d8e81de9558becad9d525884cebd0ba2 \
  github.com/drakkan/sftpgo@9888a3d169aed9011ae6e4f7a97ae735c1643068 \
  github.com/arp242/goatcounter@7e91d8a9bdbb0dd48496e498c5680f8f3477a1b4; do
  touch "$(key $K)/.complete"
done
echo "load check: go run ./corpus -modules gogs,birdayz/kaf,conduit-connector-kafka,sftpgo,goatcounter"
