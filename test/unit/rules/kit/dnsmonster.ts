import { df } from '../../helpers';

/**
 * mosajjal/dnsmonster at 9f54e16 (GPL-3.0), judged in round 36 (judge Y, M2). Its Dockerfile (the
 * image .github/workflows/ghcr.yml publishes) builds a `git clone` of the repository itself:
 * `ENV REPO="github.com/mosajjal/dnsmonster"`, `git clone https://${REPO}.git /opt/dnsmonster`,
 * `git fetch --tags` (for `git describe`), `go build … ./cmd/dnsmonster`, and copies
 * /opt/dnsmonster/dnsmonster into scratch. Skeleton of the files that matter (real sizes in
 * bytes): go.mod 4167 (`module github.com/mosajjal/dnsmonster`, `go 1.25.0`), go.sum 49579,
 * cmd/dnsmonster/main.go 3514, cmd/dnsmonster/outputs.go 4227 (`_ ".../internal/output"`),
 * internal/output/kafka.go 10521 (crypto/tls), internal/output/sentinel.go 9604
 * (`time.LoadLocation("GMT")` :125, then `time.Now().In(location)`), Dockerfile 815. Import
 * blocks as in the repository (third-party ones cut), bodies cut to the lines that matter.
 */
export const DNSMONSTER_FILES: Record<string, string> = {
  'go.mod': 'module github.com/mosajjal/dnsmonster\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/rcrowley/go-metrics v0.0.0-20250401214520-65e299d6c5c9\n\tgithub.com/segmentio/kafka-go v0.4.49\n\tgithub.com/sirupsen/logrus v1.9.3\n)\n',
  'go.sum': 'github.com/sirupsen/logrus v1.9.3 h1:x=\n',
  'cmd/dnsmonster/main.go': 'package main\n\nimport (\n\t"context"\n\t"encoding/json"\n\t"fmt"\n\t"os"\n\t"os/signal"\n\t"regexp"\n\t"runtime"\n\t"strings"\n\t"syscall"\n\t"time"\n\n\t"github.com/mosajjal/dnsmonster/internal/util"\n\t"github.com/rcrowley/go-metrics"\n\tlog "github.com/sirupsen/logrus"\n)\n\nfunc main() {}\n',
  'cmd/dnsmonster/outputs.go': 'package main\n\nimport (\n\t"context"\n\t"fmt"\n\t"time"\n\n\tmetrics "github.com/rcrowley/go-metrics"\n\tlog "github.com/sirupsen/logrus"\n\n\t_ "github.com/mosajjal/dnsmonster/internal/output" // this will automatically set up all the outputs\n\t"github.com/mosajjal/dnsmonster/internal/util"\n)\n',
  'internal/util/util.go': 'package util\n\nvar releaseVersion = "dev"\n',
  'internal/output/kafka.go': 'package output\n\nimport (\n\t"context"\n\t"crypto/tls"\n\t"crypto/x509"\n\t"errors"\n\t"net"\n\t"os"\n\t"strings"\n\t"time"\n\n\t"github.com/mosajjal/dnsmonster/internal/util"\n\tmetrics "github.com/rcrowley/go-metrics"\n\tlog "github.com/sirupsen/logrus"\n\n\t"github.com/segmentio/kafka-go"\n)\n',
  'internal/output/sentinel.go': 'package output\n\nimport (\n\t"bytes"\n\t"context"\n\t"crypto/hmac"\n\t"crypto/sha256"\n\t"encoding/base64"\n\t"errors"\n\t"fmt"\n\t"html/template"\n\t"net/http"\n\t"net/url"\n\t"strings"\n\t"time"\n\n\t"github.com/mosajjal/dnsmonster/internal/util"\n\tmetrics "github.com/rcrowley/go-metrics"\n\tlog "github.com/sirupsen/logrus"\n)\n\nfunc (seConfig sentinelConfig) sendBatch(batch string, count int) {\n\tlocation, _ := time.LoadLocation("GMT")\n\t_ = time.Now().In(location).Format(time.RFC1123)\n}\n',
};

/** dnsmonster's Dockerfile (lines 1-22), with the clone's RUN lines 13-18 as given. */
export const DNSMONSTER_DOCKERFILE = (clone = DNSMONSTER_CLONE, env = 'ENV REPO="github.com/mosajjal/dnsmonster"'): string => df([
  'FROM alpine:edge',
  'LABEL maintainer="Ali Mosajjal <hi@n0p.me>"',
  '',
  'ARG TARGETPLATFORM',
  'ARG BUILDPLATFORM',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  '',
  env,
  '',
  'RUN apk add --no-cache libcap-static libpcap-dev linux-headers gcc git go file musl-dev --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing/',
  '',
  ...clone,
  '',
  'FROM scratch',
  'COPY --from=0 /opt/dnsmonster/dnsmonster /dnsmonster',
  'ENTRYPOINT ["/dnsmonster"]',
]);

export const DNSMONSTER_CLONE = [
  'RUN git clone https://${REPO}.git /opt/dnsmonster --depth 1 \\',
  '    && cd /opt/dnsmonster \\',
  '    && git fetch --tags \\',
  '    && export LATEST_TAG=`git describe --tags --always` \\',
  '    && export GOOS=${TARGETOS} GOARCH=${TARGETARCH} CGO_ENABLED=1  \\',
  '    && go build --ldflags "-L /usr/lib/libcap.a -linkmode external -X ${REPO}/util.releaseVersion=${LATEST_TAG} -extldflags \\"-static\\"" ./cmd/dnsmonster',
];
