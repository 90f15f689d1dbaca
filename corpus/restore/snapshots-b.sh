#!/bin/bash
# Restore git-snapshot modules (helper b) into the memlint corpus cache.
# Mirrors were brought in with the fetch tool (github:OWNER/REPO).
set -u
CACHE=/root/.cache/memlint-corpus/src
mkdir -p "$CACHE"

. "$(dirname "$0")/lib.sh"

M=/work/.mirror
restore github.com/writefreely/writefreely@8d14c09dc6bb7790f91c4efa532c4534007beb1f $M/writefreely+writefreely/repo
restore github.com/tailscale/golink@d55b2a3302777d7f9943863644d4c84ecacb31b7 $M/tailscale+golink/repo
restore github.com/muety/wakapi@ce91eac2c2d9b29a00873554d2ecef76f10b9087 $M/muety+wakapi/repo
restore github.com/linkedin/Burrow@ced55ba90f6b833a45a124d411fd5eef63a70933 $M/linkedin+Burrow/repo
restore github.com/apache/answer@3b9f1370612e690a0b7f230f05e688930db4c6d3 $M/apache+answer/repo
restore github.com/cshum/imagor@e979684c8d5990c22538f10905cf53574cc9c35a $M/cshum+imagor/repo
restore github.com/h2non/imaginary@9357624e976790905f1b1bf4d059f8643c21e6fb $M/h2non+imaginary/repo
restore github.com/sysadminsmedia/homebox@e01dd737238a3fa7e1a6454b37de6c6fc88c86e4 $M/sysadminsmedia+homebox/repo backend
restore github.com/semaphoreui/semaphore@f33944e0429f711b24e03600a0c1dab7460b3a2d $M/semaphoreui+semaphore/repo
restore github.com/sosedoff/pgweb@6b0b0244d1aefd6971999b03481eeeaa4ec7cf55 $M/sosedoff+pgweb/repo
restore github.com/gothinkster/golang-gin-realworld-example-app@728cb04bfefc00982600676ea1ad70ff01c6e598 $M/gothinkster+golang-gin-realworld-example-app/repo
restore github.com/eddycjy/go-gin-example@4f5174ca325b37f23edadad7c88d49586816a69c $M/eddycjy+go-gin-example/repo
restore github.com/bxcodec/go-clean-arch@e06c6d0cb37069b0ef56e3df67f80ca130a1ab82 $M/bxcodec+go-clean-arch/repo
restore github.com/danielqsj/kafka_exporter@8ec24078707d4d3b349e71522ebd7f179746072d $M/danielqsj+kafka_exporter/repo
restore github.com/redpanda-data/console/backend@2f5c2ee63008f4421351413ca74a45b182455392 $M/redpanda-data+console/repo backend

# Placeholders for frontend build output that is not in git (go:embed).
placeholder "$CACHE/github.com+apache+answer@3b9f1370612e690a0b7f230f05e688930db4c6d3/ui/build/index.html"
placeholder "$CACHE/github.com+sysadminsmedia+homebox@e01dd737238a3fa7e1a6454b37de6c6fc88c86e4/app/api/static/public/index.html"
placeholder "$CACHE/github.com+semaphoreui+semaphore@f33944e0429f711b24e03600a0c1dab7460b3a2d/api/public/index.html"

# Verification (go list; output in /work/runs/restore/b-scratch/vNN.txt).
# Expected: only the stubbed modules' 403s (code.as/core/socks for
# writefreely, go.balki.me/anyhttp for homebox, go.vallahaye.net/connect-gateway
# for redpanda console). go.mod/go.sum were left unchanged by -mod=mod.
verify github.com/writefreely/writefreely@8d14c09dc6bb7790f91c4efa532c4534007beb1f . ./cmd/... ./db/... ./migrations/... ./spam/... ./config/...
verify github.com/tailscale/golink@d55b2a3302777d7f9943863644d4c84ecacb31b7 ./...
verify github.com/muety/wakapi@ce91eac2c2d9b29a00873554d2ecef76f10b9087 . ./config/... ./helpers/... ./middlewares/... ./repositories/... ./routes/... ./services/... ./utils/... ./models/...
verify github.com/linkedin/Burrow@ced55ba90f6b833a45a124d411fd5eef63a70933 ./...
verify github.com/apache/answer@3b9f1370612e690a0b7f230f05e688930db4c6d3 ./...
verify github.com/cshum/imagor@e979684c8d5990c22538f10905cf53574cc9c35a . ./server/... ./loader/... ./storage/gcloudstorage/... ./config ./config/awsconfig ./config/gcloudconfig
verify github.com/h2non/imaginary@9357624e976790905f1b1bf4d059f8643c21e6fb .
verify github.com/sysadminsmedia/homebox@e01dd737238a3fa7e1a6454b37de6c6fc88c86e4 ./app/api ./app/api/handlers/... ./app/api/providers/... ./internal/core/... ./internal/data/repo/... ./internal/web/... ./internal/sys/...
verify github.com/semaphoreui/semaphore@f33944e0429f711b24e03600a0c1dab7460b3a2d ./api/... ./cli/... ./db/... ./services/... ./util/...
verify github.com/sosedoff/pgweb@6b0b0244d1aefd6971999b03481eeeaa4ec7cf55 ./pkg/... ./config/examples/...
verify github.com/gothinkster/golang-gin-realworld-example-app@728cb04bfefc00982600676ea1ad70ff01c6e598 . ./articles/... ./common/... ./users/...
verify github.com/eddycjy/go-gin-example@4f5174ca325b37f23edadad7c88d49586816a69c . ./middleware/... ./models/... ./pkg/... ./routers/... ./service/...
verify github.com/bxcodec/go-clean-arch@e06c6d0cb37069b0ef56e3df67f80ca130a1ab82 ./app/... ./article/... ./domain/... ./internal/...
verify github.com/danielqsj/kafka_exporter@8ec24078707d4d3b349e71522ebd7f179746072d .
verify github.com/redpanda-data/console/backend@2f5c2ee63008f4421351413ca74a45b182455392 -tags integration ./cmd/... ./pkg/api/... ./pkg/console/... ./pkg/factory/... ./pkg/connect/... ./pkg/schemasample/...

# verify marked each module that loads complete.
