/**
 * edgexfoundry/edgex-go 2bee238 (Apache-2.0), a skeleton: cmd/core-data/Dockerfile (builder stage,
 * comments left out) and the files it reads, built from the repository root (Makefile
 * `docker build -f cmd/core-data/Dockerfile .`). The repository has no vendor/ (its Makefile's
 * `vendor:` target runs `go mod vendor` on demand), so `COPY go.mod vendor* ./` copies go.mod
 * alone. File list (sizes in the repository): .dockerignore 10, go.mod 6979, go.sum 90491,
 * Makefile 16743, cmd/core-data/main.go 1065, internal/core/data/… (Go), version.go.
 * Judge 33 X W1: GD104 took that COPY for a source copy in 12 Dockerfiles.
 */
import { df } from '../../helpers';

export const EDGEX_DOCKERFILE = 'cmd/core-data/Dockerfile';

export const EDGEX_CORE_DATA = (copy = 'COPY go.mod vendor* ./'): string => df([
  'ARG BUILDER_BASE=golang:1.25-alpine3.22',
  'FROM ${BUILDER_BASE} AS builder',
  'ARG ADD_BUILD_TAGS=""',
  'WORKDIR /edgex-go',
  'RUN apk add --update --no-cache make git',
  copy,
  'RUN [ ! -d "vendor" ] && go mod download all || echo "skipping..."',
  'COPY . .',
  'RUN make -e ADD_BUILD_TAGS=$ADD_BUILD_TAGS cmd/core-data/core-data',
  'FROM alpine:3.22',
  'RUN apk add --update --no-cache dumb-init',
  'COPY --from=builder /edgex-go/cmd/core-data/core-data /',
  'COPY --from=builder /edgex-go/cmd/core-data/res/configuration.yaml /res/configuration.yaml',
  'ENTRYPOINT ["/core-data"]',
]);

export const EDGEX_FILES: Record<string, string> = {
  '.dockerignore': 'docs\n.git\n',
  'go.mod': 'module github.com/edgexfoundry/edgex-go\n\ngo 1.25.0\n\nrequire (\n\tgithub.com/google/uuid v1.6.0\n\tgithub.com/labstack/echo/v4 v4.15.4\n)\n',
  'go.sum': 'github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n',
  'Makefile': 'GO=go\ncmd/core-data/core-data:\n\t$(GO) build -tags "$(ADD_BUILD_TAGS)" $(GOFLAGS) -o $@ ./cmd/core-data\n\nvendor:\n\t$(GO) mod vendor\n',
  'cmd/core-data/main.go': 'package main\n\nimport (\n\t"context"\n\t"os"\n\n\t"github.com/edgexfoundry/edgex-go/internal/core/data"\n\n\t"github.com/labstack/echo/v4"\n)\n\nfunc main() { _ = context.Background(); _ = os.Args; _ = echo.New(); data.Main() }\n',
  'cmd/core-data/res/configuration.yaml': 'Service:\n  Port: 59880\n',
  'internal/core/data/main.go': 'package data\n\nimport "github.com/google/uuid"\n\nfunc Main() { _ = uuid.New() }\n',
  'version.go': 'package edgex\n\nvar Version = "0.0.0"\n',
};
