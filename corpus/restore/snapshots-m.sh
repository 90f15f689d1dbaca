#!/bin/bash
# Restore script (m): the stop 59 held-out modules into the memlint corpus
# cache: pterodactyl's wings (the game-server daemon: gin API, file
# uploads and downloads, archives, backups, websockets, sqlite through
# gorm) and commento's api module (comment server: gorilla/mux over
# net/http, lib/pq queries), both at the newest commit of their default
# branch in the snapshot. Mirrors come from the fetch tool
# (github:OWNER/REPO) at /work/.mirror/OWNER+REPO/repo. Their sites were
# labelled by hand before memlint was run on them ("held-out (stop 59),
# blind" in corpus/labels).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/pterodactyl/wings@f1c5bbd42d423986e7017b4f3c43057a1b7d1717 $M/pterodactyl+wings/repo
# commento's module path is gitlab.com/commento/commento/api; the GitHub
# mirror adtac/commento holds the same tree.
restore gitlab.com/commento/commento/api@a4c5cc8b9e5749dd50ef01f94c08dd7944a6d9c1 $M/adtac+commento/repo api

verify github.com/pterodactyl/wings@f1c5bbd42d423986e7017b4f3c43057a1b7d1717 ./...
verify gitlab.com/commento/commento/api@a4c5cc8b9e5749dd50ef01f94c08dd7944a6d9c1 ./...
