#!/bin/bash
# Restore script (l): the stop 58 held-out modules into the memlint corpus
# cache: photoview's api/ module (gorilla/mux, gqlgen, gorm, a media
# scanner) and zincsearch (gin, a full-text search engine with bulk
# ingestion), both at the newest commit of their default branch in the
# snapshot. Mirrors come from the fetch tool (github:OWNER/REPO) at
# /work/.mirror/OWNER+REPO/repo. Their sites were labelled by hand before
# memlint was run on them ("held-out (stop 58), blind" in corpus/labels).
#
# photoview's face detection (github.com/Kagami/go-face) is cgo over dlib:
# apt-get install libdlib-dev libblas-dev liblapack-dev libjpeg62-turbo-dev
# before running the harness on it.
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
# photoview's face-recognition model files (api/data/models/*.dat) are
# absent from the snapshot; restore skips them (no Go code reads them at
# build time).
restore github.com/photoview/photoview/api@91cbeb410c32a0dde7bc1f02554c87e0b38b32f5 $M/photoview+photoview/repo api
restore github.com/zincsearch/zincsearch@13d6c8c184b42d2e5c7e208589b1dc9615f159f7 $M/zincsearch+zincsearch/repo
# zincsearch embeds its Vue build (web/dist): a placeholder page stands in.
placeholder "$CACHE/github.com+zincsearch+zincsearch@13d6c8c184b42d2e5c7e208589b1dc9615f159f7/web/dist/index.html"

verify github.com/photoview/photoview/api@91cbeb410c32a0dde7bc1f02554c87e0b38b32f5 ./...
verify github.com/zincsearch/zincsearch@13d6c8c184b42d2e5c7e208589b1dc9615f159f7 ./...
