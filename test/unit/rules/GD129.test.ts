import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, ready } from '../helpers';
import { find, has, tempWorkspace } from './kit/realworld';

/** GD129 go-generate-program-missing. */
before(() => ready);

describe('GD129 go-generate-program-missing', () => {
  // DrmagicE/gmqtt 92ed7d6 (MIT): Dockerfile, Makefile (binary: go-generate; go-generate: go
  // generate ./...; mockgen only in the `tools` goal), server/plugin.go:3 and config/config.go:3
  // `//go:generate mockgen …`, the mocks committed. Judge X round 33 M6.
  const dockerfile = df([
    'FROM golang:alpine AS builder',
    'RUN apk add make git',
    'ADD . /go/src/github.com/DrmagicE/gmqtt',
    'WORKDIR /go/src/github.com/DrmagicE/gmqtt',
    'ENV GO111MODULE on',
    'RUN make binary',
    'FROM alpine:3.12',
    'WORKDIR /gmqttd',
    'COPY --from=builder /go/src/github.com/DrmagicE/gmqtt/build/gmqttd .',
    'ENTRYPOINT ["gmqttd","start"]',
  ]);
  const makefile = [
    'BUILD_DIR\t?= build',
    '',
    'tools:',
    '\tgo install \\',
    '\t\tgo.uber.org/mock/mockgen',
    '',
    'go-generate:',
    '\tgo generate ./...',
    '',
    'binary: go-generate',
    "\tCGO_ENABLED=0 GOOS=linux go build  -ldflags '-s' -o $(BUILD_DIR)/gmqttd ./cmd/gmqttd",
    '',
  ].join('\n');
  const tree = (over: Record<string, string> = {}) => ({
    'go.mod': 'module github.com/DrmagicE/gmqtt\n\ngo 1.26.1\n\nrequire go.uber.org/mock v0.6.0\n',
    'go.sum': '',
    Makefile: makefile,
    'cmd/gmqttd/main.go': 'package main\n\nimport _ "github.com/DrmagicE/gmqtt/server"\n\nfunc main() {}\n',
    'server/plugin.go': 'package server\n\n//go:generate mockgen -source=./plugin.go -destination=./plugin_mock.go -package=server\n\nimport (\n\t"github.com/DrmagicE/gmqtt/config"\n)\n\nvar _ = config.Config{}\n',
    'server/plugin_mock.go': 'package server\n',
    'config/config.go': 'package config\n\n//go:generate mockgen -source=./config.go -destination=./config_mock.go -package=config\n\ntype Config struct{}\n',
    'config/config_mock.go': 'package config\n',
    ...over,
  });

  it('finds `make binary` whose goals run go generate of mockgen directives, on the make command', () => {
    const [f, ...more] = find(dockerfile, 'GD129', tempWorkspace(tree()));
    assert.equal(more.length, 0);
    assert.equal(dockerfile.slice(f.span.start, f.span.end), 'make binary');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^`make binary` runs `go generate \.\/\.\.\.` \(Makefile:8\), which runs `\/\/go:generate mockgen -source=\.\/config\.go/);
    assert.match(f.message, /\(config\/config\.go:3, and 1 more\)/);
    assert.match(f.message, /`mockgen` is not installed in this stage \(golang:alpine/);
    assert.match(f.message, /RUN go install go\.uber\.org\/mock\/mockgen@v0\.6\.0/);
    assert.match(f.message, /as the generated files are committed \(config\/config_mock\.go\)/);
    assert.equal(f.fix, undefined);
  });

  it('finds a direct `go generate ./...`, on its generate word', () => {
    const direct = dockerfile.replace('RUN make binary', 'RUN go generate ./... && go build -o build/gmqttd ./cmd/gmqttd');
    const [f] = find(direct, 'GD129', tempWorkspace(tree()));
    assert.equal(direct.slice(f.span.start, f.span.end), 'generate');
    assert.match(f.message, /^`go generate`, which runs/);
  });

  it('is silent when the stage installs the generator, or the goals run one that does', () => {
    const ws = tempWorkspace(tree());
    assert.equal(has(dockerfile.replace('RUN make binary', 'RUN go install go.uber.org/mock/mockgen@v0.6.0\nRUN make binary'), 'GD129', ws), false);
    assert.equal(has(dockerfile.replace('RUN make binary', 'RUN make tools binary'), 'GD129', ws), false, 'tools installs mockgen');
    assert.equal(has(dockerfile.replace('FROM golang:alpine AS builder', 'FROM golang:alpine AS builder\nCOPY --from=tools /go/bin/mockgen /go/bin/'), 'GD129', ws), false);
    const own = tempWorkspace(tree({ Makefile: makefile.replace('binary: go-generate', 'binary: tools go-generate') }));
    assert.equal(has(dockerfile, 'GD129', own), false);
  });

  it('is silent when a heredoc RUN downloads the program (crazy-max/diun 9050b6a hack/gen.Dockerfile:13, protoc from its release zip)', () => {
    const diun = df([
      'FROM golang:1.26-trixie AS base',
      'ARG PROTOC_VERSION=3.17.3',
      'RUN <<EOT',
      '  set -e',
      '  wget -q https://github.com/protocolbuffers/protobuf/releases/download/v${PROTOC_VERSION}/protoc-${PROTOC_VERSION}-linux-x86_64.zip',
      '  unzip protoc-${PROTOC_VERSION}-linux-x86_64.zip -d /usr/local',
      'EOT',
      'WORKDIR /src',
      'FROM base AS generated',
      'RUN --mount=type=bind,target=.,rw go generate -v ./...',
    ]);
    const ws = tempWorkspace({ 'go.mod': 'module github.com/crazy-max/diun/v4\n\ngo 1.24\n', 'pb/gen.go': 'package pb\n\n//go:generate protoc --go_out=paths=source_relative:. image.proto\n' });
    assert.equal(has(diun, 'GD129', ws), false);
    assert.equal(has(diun.replace(/RUN <<EOT[\s\S]*?EOT\n/, ''), 'GD129', ws), true, 'without the download');
  });

  it('is silent for go run directives, an unknown builder image, an ignored failure, and -run', () => {
    const goRun = tempWorkspace(tree({
      'server/plugin.go': 'package server\n\n//go:generate go run go.uber.org/mock/mockgen -source=./plugin.go\n',
      'config/config.go': 'package config\n\n//go:generate go tool stringer -type=Kind\n',
    }));
    assert.equal(has(dockerfile, 'GD129', goRun), false);
    const ws = tempWorkspace(tree());
    assert.equal(has(dockerfile.replace('golang:alpine', 'example.com/ci/go-builder:1'), 'GD129', ws), false, 'a builder image of its own may have the tools');
    assert.equal(has(dockerfile.replace('RUN make binary', 'RUN go generate ./... || true'), 'GD129', ws), false);
    assert.equal(has(dockerfile.replace('RUN make binary', 'RUN go generate -run stringer ./...'), 'GD129', ws), false);
    const ignored = tempWorkspace(tree({ Makefile: makefile.replace('\tgo generate ./...', '\t-go generate ./...') }));
    assert.equal(has(dockerfile, 'GD129', ignored), false);
  });

  it('reads only the packages go generate is given, and files a linux build takes', () => {
    const ws = tempWorkspace(tree());
    assert.equal(has(dockerfile.replace('RUN make binary', 'RUN go generate ./cmd/... && go build ./cmd/gmqttd'), 'GD129', ws), false);
    assert.equal(find(dockerfile.replace('RUN make binary', 'RUN go generate ./server'), 'GD129', ws).length, 1);
    const windowsOnly = tempWorkspace(tree({
      'server/plugin.go': 'package server\n',
      'config/config.go': 'package config\n',
      'config/gen_windows.go': 'package config\n\n//go:generate mockgen -source=./config.go\n',
    }));
    assert.equal(has(dockerfile, 'GD129', windowsOnly), false);
  });
});
