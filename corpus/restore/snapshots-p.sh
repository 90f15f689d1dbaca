#!/bin/bash
# Restore script (p): the stop 62 held-out modules into the memlint corpus
# cache: Jitsu's bulker (an event ingestion pipeline: an HTTP ingest API
# producing to Kafka with confluent-kafka-go, a consumer app batching into
# warehouses, and bulkerlib's destinations: Cloud Storage, S3, SQL
# warehouses) and komari (a self-hosted server monitor: gin, gorm over
# SQLite, MySQL or PostgreSQL, websocket agents, uploads). Both are at the
# newest commit of their default branch in the snapshot. Mirrors come from
# the fetch tool (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo.
# Their sites were labelled by hand before memlint was run on them
# ("held-out (stop 62), blind" in corpus/labels).
#
# bulker is a Go workspace: bulkerapp, ingest and bulkerlib import the
# repository's other modules (jitsubase, kafkabase, eventslog, bulkerlib),
# which no proxy serves (403) and their go.mod files do not require. Each
# is extracted into the module's tree under _corpus_deps, and dep= in
# modules.txt replaces it there.
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
B=c5548cf95c939f078f1a8faa48dbb2e299505789
sibling() { # KEY SUBDIR: the workspace module SUBDIR into KEY's tree
  local dst="$CACHE/${1//\//+}/_corpus_deps/$2"
  rm -rf "$dst"; mkdir -p "$dst"
  git --git-dir=$M/jitsucom+bulker/repo archive "$B:$2" | tar -x -C "$dst"
}
for sub in bulkerapp ingest bulkerlib; do
  K=github.com/jitsucom/bulker/$sub@$B
  restore $K $M/jitsucom+bulker/repo $sub
  for dep in jitsubase kafkabase eventslog bulkerlib; do
    [ $dep = $sub ] || sibling $K $dep
  done
done
restore github.com/komari-monitor/komari@da4d5187c1b10da3c5893595c5e2a9fd54d13792 $M/komari-monitor+komari/repo
# komari embeds its built default theme (web/public/defaultTheme), not in git.
placeholder "$CACHE/github.com+komari-monitor+komari@da4d5187c1b10da3c5893595c5e2a9fd54d13792/web/public/defaultTheme/index.html"

for sub in bulkerapp ingest bulkerlib; do
  verify github.com/jitsucom/bulker/$sub@$B ./...
done
verify github.com/komari-monitor/komari@da4d5187c1b10da3c5893595c5e2a9fd54d13792 ./...
