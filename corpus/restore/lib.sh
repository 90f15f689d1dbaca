#!/bin/bash
# Functions the snapshot restore scripts share (sourced by snapshots-b.sh
# and snapshots-g.sh). They expect CACHE, the corpus cache's src/ directory.

# restore KEY MIRROR [SUBDIR]
restore() {
  local key=$1 mirror=$2 sub=${3:-}
  local commit=${key##*@}
  local dst="$CACHE/${key//\//+}"
  if ! git --git-dir="$mirror" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "MISSING commit $commit in $mirror" >&2; return 1
  fi
  rm -rf "$dst"; mkdir -p "$dst"
  local tree=$commit; [ -n "$sub" ] && tree="$commit:$sub"
  if ! git --git-dir="$mirror" archive "$tree" | tar -x -C "$dst"; then
    # Some blobs (large binaries) are absent from the snapshot: extract file
    # by file, skipping and reporting the absent ones.
    echo "archive failed for $key; extracting file by file" >&2
    rm -rf "$dst"; mkdir -p "$dst"
    git --git-dir="$mirror" ls-tree -r -z "$tree" | while IFS= read -r -d '' line; do
      local meta=${line%%$'\t'*} path=${line#*$'\t'}
      local mode=${meta%% *} rest=${meta#* }; local type=${rest%% *} obj=${rest#* }
      [ "$type" = blob ] || { echo "  skip $type $path" >&2; continue; }
      mkdir -p "$dst/$(dirname "$path")"
      if ! git --git-dir="$mirror" cat-file -e "$obj" 2>/dev/null; then
        echo "  ABSENT blob $obj $path" >&2; continue
      fi
      if [ "$mode" = 120000 ]; then
        ln -s "$(git --git-dir="$mirror" cat-file blob "$obj")" "$dst/$path"
      else
        git --git-dir="$mirror" cat-file blob "$obj" > "$dst/$path"
        [ "$mode" = 100755 ] && chmod +x "$dst/$path"
      fi
    done
  fi
}

placeholder() { mkdir -p "$(dirname "$1")"; echo '<html></html>' > "$1"; }

verify() {
  # Lists the packages with errors; marks the module complete only when go
  # list itself runs (a failed download or a broken go.mod leaves it
  # unmarked, so the harness reports it instead of scoring an empty run).
  local key=$1; shift
  local dst="$CACHE/${key//\//+}"
  echo "=== $key"
  if (cd "$dst" && GOFLAGS=-mod=mod go list -e -f '{{if .Error}}{{.ImportPath}}: {{.Error}}{{end}}{{range .DepsErrors}}{{.}}{{end}}' "$@" > "$dst.list" 2>&1); then
    grep -v '^go: downloading' "$dst.list"
    touch "$dst/.complete"
  else
    echo "LOAD FAILED $key"; tail -3 "$dst.list"
  fi
  rm -f "$dst.list"
}
