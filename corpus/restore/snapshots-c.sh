#!/bin/bash
# Restore git-snapshot modules (labels/*.tsv only) into the memlint corpus cache.
# Mirrors were obtained with the fetch tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo.
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
restore() { # KEY MIRROR
  key=$1; g=$2; c=${key##*@}
  dst="$CACHE/${key//\//+}"
  git --git-dir="$g" cat-file -e "$c^{commit}" || { echo "MISSING commit $key"; return 1; }
  rm -rf "$dst"; mkdir -p "$dst"
  # blobs absent from the snapshot (large files) are excluded and noted
  excl=()
  while read -r h p; do
    echo "NOTE $key: blob absent from snapshot, not restored: $p"; excl+=(":(exclude)$p")
  done < <(git --git-dir="$g" ls-tree -r "$c" | awk '$2=="blob"{print $3"\t"$4}' |
           while IFS=$'\t' read -r h p; do git --git-dir="$g" cat-file -e "$h" 2>/dev/null || printf '%s %s\n' "$h" "$p"; done)
  git --git-dir="$g" archive "$c" -- . "${excl[@]}" 2>/dev/null | tar -x -C "$dst"
  # verify every restored blob
  (cd "$dst" && git --git-dir="$g" ls-tree -r "$c" | awk '$2=="blob"{print $3"\t"$4}' |
    while IFS=$'\t' read -r h p; do [ -e "$p" ] || continue; [ "$(git hash-object "$p")" = "$h" ] || echo "BAD $key $p"; done)
}
M=/work/.mirror
restore github.com/1000Delta/wifi-locate@0ba46547f7c3579334cb3c93bbb41e09d2408f11 $M/1000Delta+wifi-locate/repo
restore github.com/QuokkaStake/cosmos-validators-exporter@976cfc444cf6ee321a038999fdf412e3364edcba $M/QuokkaStake+cosmos-validators-exporter/repo
restore github.com/QuokkaStake/cosmos-validators-exporter@c262e482178728035475df9dd89eeb749ef27106 $M/QuokkaStake+cosmos-validators-exporter/repo
restore github.com/athlum/go-demo@bbb947abad659c77e18c7d47db2b8a877532d0ba $M/athlum+go-demo/repo
restore github.com/gofr-dev/gofr@59010215a383b651fd80674e1c7b5f32f4b56a11 $M/gofr-dev+gofr/repo
restore github.com/hotsum92/http-file@a950f61157ed5200e09a43d6211e0794eeb99a7d $M/hotsum92+http-file/repo
restore github.com/n-r-w/updsrv@5b7826236c2eebbacb3a5130e70d12a125357a38 $M/n-r-w+updsrv/repo
restore github.com/saleniex/gpt-chat@120b871fa70d9ced758d9028e275e64bddbad91d $M/saleniex+gpt-chat/repo
restore github.com/sbordeyne/vlbackup@ef942363b4075de90dad09d7673170c8a0424320 $M/sbordeyne+vlbackup/repo
restore github.com/solarlabsteam/cosmos-exporter@17f50074be21977b9da96278712f85a81da9e22f $M/solarlabsteam+cosmos-exporter/repo
restore github.com/minio/minio@7aac2a2c5b7c882e68c1ce017d8256be2feea27f $M/minio+minio/repo

# No placeholders needed: the only non-test //go:embed patterns (cosmos-validators-exporter
# assets/*, gofr pkg/gofr/static/*) match files tracked in git.
# Verify (the harness sets GOWORK=off; gofr has a go.work at its root).
for key in \
  github.com/1000Delta/wifi-locate@0ba46547f7c3579334cb3c93bbb41e09d2408f11 \
  github.com/QuokkaStake/cosmos-validators-exporter@976cfc444cf6ee321a038999fdf412e3364edcba \
  github.com/QuokkaStake/cosmos-validators-exporter@c262e482178728035475df9dd89eeb749ef27106 \
  github.com/athlum/go-demo@bbb947abad659c77e18c7d47db2b8a877532d0ba \
  github.com/gofr-dev/gofr@59010215a383b651fd80674e1c7b5f32f4b56a11 \
  github.com/hotsum92/http-file@a950f61157ed5200e09a43d6211e0794eeb99a7d \
  github.com/n-r-w/updsrv@5b7826236c2eebbacb3a5130e70d12a125357a38 \
  github.com/saleniex/gpt-chat@120b871fa70d9ced758d9028e275e64bddbad91d \
  github.com/sbordeyne/vlbackup@ef942363b4075de90dad09d7673170c8a0424320 \
  github.com/solarlabsteam/cosmos-exporter@17f50074be21977b9da96278712f85a81da9e22f \
  github.com/minio/minio@7aac2a2c5b7c882e68c1ce017d8256be2feea27f; do
  dst="$CACHE/${key//\//+}"
  echo "== $key"
  # Marked complete only when go list itself runs (package errors are
  # listed, not fatal).
  if (cd "$dst" && GOWORK=off GOFLAGS=-mod=mod go list -e -f '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}{{range .DepsErrors}}{{.}}{{end}}' ./... > "$dst.list" 2>&1); then
    grep -v '^go: downloading' "$dst.list"
    touch "$dst/.complete"
  else
    echo "LOAD FAILED $key"; tail -3 "$dst.list"
  fi
  rm -f "$dst.list"
done
# n-r-w/updsrv: its nine github.com/n-r-w/* dependencies get 403 from the proxy. Snapshots were
# fetched for eno, httprouter, httpserver, nerr, postgres, sqlb, sqlq, tools, but github.com/n-r-w/lg
# has no snapshot ("No snapshot of that repository can be had here"), and httprouter, httpserver,
# postgres and updsrv's own config/app/psql import it, so they were not put in the module cache.
