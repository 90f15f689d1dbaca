#!/bin/bash
# Restore script (g): the stop 51 held-out modules into the memlint corpus
# cache. Mirrors come from the fetch tool (github:OWNER/REPO) at
# /work/.mirror/OWNER+REPO/repo. These six services were run through
# memlint before any rule was changed for them, and every finding was
# triaged: the labels record that first contact (corpus/labels, "held-out").
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/gomods/athens@76c9424be96f06e42500449de52b0de375a2eef0 $M/gomods+athens/repo
restore github.com/buchgr/bazel-remote/v2@ead20798fed6eb1d4bf40efd08e3653868d34feb $M/buchgr+bazel-remote/repo
restore github.com/mailgun/kafka-pixy@46483ae7d9d5a86d53257f4fa30dd660f5cb7886 $M/mailgun+kafka-pixy/repo
restore github.com/songquanpeng/one-api@8df4a2670b98266bd287c698243fff327d9748cf $M/songquanpeng+one-api/repo
restore github.com/artalkjs/artalk/v2@d25beede911d59a571382c6821cb8e7a7c27850a $M/ArtalkJS+Artalk/repo
restore github.com/flipped-aurora/gin-vue-admin/server@02f37833255e0e339c3d69199cb5a468f17de9fc $M/flipped-aurora+gin-vue-admin/repo server

verify github.com/gomods/athens@76c9424be96f06e42500449de52b0de375a2eef0 ./...
verify github.com/buchgr/bazel-remote/v2@ead20798fed6eb1d4bf40efd08e3653868d34feb ./...
verify github.com/mailgun/kafka-pixy@46483ae7d9d5a86d53257f4fa30dd660f5cb7886 ./...
verify github.com/songquanpeng/one-api@8df4a2670b98266bd287c698243fff327d9748cf ./...
verify github.com/artalkjs/artalk/v2@d25beede911d59a571382c6821cb8e7a7c27850a ./...
verify github.com/flipped-aurora/gin-vue-admin/server@02f37833255e0e339c3d69199cb5a468f17de9fc ./...
