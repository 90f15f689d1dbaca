#!/bin/bash
# Restore script (f): the stop 35 git-snapshot modules into the memlint corpus cache.
# Re-runnable. Mirrors come from the `fetch` tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo.
# kafkactl, gotenberg, statping-ng and fider are whole trees; traQ's snapshot lacks two
# stray debug binaries, which are left out (blobs absent from a snapshot are skipped by path).
set -u
CACHE=/root/.cache/memlint-corpus/src
SCRATCH=/tmp/restore-f
mkdir -p "$CACHE" "$SCRATCH"

cat > "$SCRATCH/mods.txt" <<'MODS'
github.com/deviceinsight/kafkactl@9005d01a0bf1c925b663c62629e450f1815794c9 deviceinsight+kafkactl
github.com/gotenberg/gotenberg@c0f487e333a78b5b5f3617c0d2978f900b0cc3f2 gotenberg+gotenberg
github.com/statping-ng/statping-ng@ad39c6523da055360f71f879a6b8824743484d92 statping-ng+statping-ng
github.com/getfider/fider@eabad3c798a44c7aa778f88d1c18a99ce3d9b9f8 getfider+fider
github.com/traPtitech/traQ@8d96a1d07f2f0eaafe59cb0795d3e5c32345336b traPtitech+traQ
MODS

while read key m; do
  c=${key#*@}
  dst="$CACHE/${key//\//+}"
  g=/work/.mirror/$m/repo
  rm -rf "$dst"; mkdir -p "$dst"
  git --git-dir=$g ls-tree -r "$c" > "$SCRATCH/$m.tree"
  awk '$2=="blob"{print $3}' "$SCRATCH/$m.tree" | git --git-dir=$g cat-file --batch-check | awk '$2=="missing"{print $1}' > "$SCRATCH/$m.missing"
  export GIT_INDEX_FILE="$SCRATCH/$m.index"; rm -f "$GIT_INDEX_FILE"
  git --git-dir=$g read-tree "$c"
  awk -F'\t' 'NR==FNR{miss[$1]=1; next} {split($1,a," "); if (a[3] in miss) print $2}' "$SCRATCH/$m.missing" "$SCRATCH/$m.tree" \
    | tee "$SCRATCH/$m.absent" | git --git-dir=$g update-index --force-remove --stdin
  sed "s|^|NOTE $key: blob absent from snapshot: |" "$SCRATCH/$m.absent"
  if git --git-dir=$g --work-tree="$dst" checkout-index -a -f; then
    # Load check: packages with errors are listed; the module is marked complete only when
    # go list itself runs.
    if (cd "$dst" && GOFLAGS=-mod=mod GOWORK=off go list -e -f '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}' ./... > "$SCRATCH/$m.list" 2>&1); then
      echo "ok $key ($(grep -v '^go: downloading' "$SCRATCH/$m.list" | grep -c .) packages with errors)"
      touch "$dst/.complete"
    else
      echo "LOAD FAILED $key"; tail -3 "$SCRATCH/$m.list"
    fi
  else
    echo "EXTRACT FAILED $key"
  fi
  unset GIT_INDEX_FILE
done < "$SCRATCH/mods.txt"
