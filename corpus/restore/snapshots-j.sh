#!/bin/bash
# Restore script (j): the stop 56 held-out modules into the memlint corpus
# cache, each at its newest release tag's commit (the newest commit where the
# repository tags no release of that module). Mirrors come from the fetch
# tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. These services
# were run through memlint before any rule was changed for them, and their
# sites were labelled by hand ("held-out (stop 56)" in corpus/labels).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/heroiclabs/nakama/v3@b8496a2cc949b4cbf0fb21ef411ebfa825afb99c $M/heroiclabs+nakama/repo
restore github.com/teamhanko/hanko/backend/v3@80b3ad635e1b9752137836c65c2a7c9774c9b4c7 $M/teamhanko+hanko/repo backend
# hanko embeds build_info/version.txt, which its go:generate writes from
# git describe: the release's tag stands in.
echo v3.0.4 > "$CACHE/github.com+teamhanko+hanko+backend+v3@80b3ad635e1b9752137836c65c2a7c9774c9b4c7/build_info/version.txt"

verify github.com/heroiclabs/nakama/v3@b8496a2cc949b4cbf0fb21ef411ebfa825afb99c ./...
verify github.com/teamhanko/hanko/backend/v3@80b3ad635e1b9752137836c65c2a7c9774c9b4c7 ./...
