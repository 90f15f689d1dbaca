#!/bin/bash
# Restore script (o): the stop 61 held-out modules into the memlint corpus
# cache: Google's gcsfuse (a FUSE file system over Cloud Storage: object
# writers and readers, buffered and streaming uploads, per-file handles)
# and lin-snow's Ech0 (a self-hosted microblog: gin handlers, gorm over
# SQLite, uploads to local disk or S3, an MCP endpoint), both at the newest
# commit of their default branch in the snapshot. Mirrors come from the
# fetch tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. Their
# sites were labelled by hand before memlint was run on them ("held-out
# (stop 61), blind" in corpus/labels).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/googlecloudplatform/gcsfuse/v3@7b39292788a42c304802366ec3b822f6cf634ce1 $M/GoogleCloudPlatform+gcsfuse/repo
restore github.com/lin-snow/ech0@4fc30eeb2d6269de94e8c0e684b63024e99557d9 $M/lin-snow+Ech0/repo
# Ech0 embeds its built web UI (template/dist), which is not in git.
placeholder "$CACHE/github.com+lin-snow+ech0@4fc30eeb2d6269de94e8c0e684b63024e99557d9/template/dist/index.html"

verify github.com/googlecloudplatform/gcsfuse/v3@7b39292788a42c304802366ec3b822f6cf634ce1 ./...
verify github.com/lin-snow/ech0@4fc30eeb2d6269de94e8c0e684b63024e99557d9 ./...
