import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';

/** GD134 go-flags-variable-not-read: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD134');
const spans = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

// percona/percona-xtradb-cluster-operator b3b0b10a7c2af9e7f8c61a1810fb51a10a12c631 (Apache-2.0)
// build/Dockerfile:1-46, trimmed (judge 42 X M4): every go build runs with `GO_LDFLAGS=$GO_LDFLAGS`
// in its environment, which go never reads; e2e-tests/build:33,48 passes
// `--build-arg GO_LDFLAGS="-w -s -trimpath $GO_LDFLAGS"` (and `-race` when RELEASE=0).
const pxc = (eol = '\n') => df([
  'FROM --platform=${BUILDPLATFORM} golang:1.25 AS go_builder',
  'WORKDIR /go/src/github.com/percona/percona-xtradb-cluster-operator',
  '',
  'COPY go.mod go.sum ./',
  'RUN go mod download',
  '',
  'ARG GIT_COMMIT',
  'ARG GIT_BRANCH',
  'ARG BUILD_TIME',
  'ARG GO_LDFLAGS',
  'ARG GOOS=linux',
  'ARG TARGETARCH',
  'ARG CGO_ENABLED=0',
  '',
  'COPY . .',
  '',
  'RUN mkdir -p build/_output/bin \\',
  '    && GOOS=$GOOS GOARCH=${TARGETARCH} CGO_ENABLED=$CGO_ENABLED GO_LDFLAGS=$GO_LDFLAGS \\',
  '       go build -ldflags "-w -s -X main.GitCommit=$GIT_COMMIT -X main.GitBranch=$GIT_BRANCH -X main.BuildTime=$BUILD_TIME" \\',
  '           -o build/_output/bin/percona-xtradb-cluster-operator \\',
  '               cmd/manager/main.go \\',
  '    && cp -r build/_output/bin/percona-xtradb-cluster-operator /usr/local/bin/percona-xtradb-cluster-operator',
  '',
  'RUN GOOS=$GOOS GOARCH=${TARGETARCH} CGO_ENABLED=$CGO_ENABLED GO_LDFLAGS=$GO_LDFLAGS \\',
  '    go build -o build/_output/bin/peer-list cmd/peer-list/main.go \\',
  '    && cp -r build/_output/bin/peer-list /usr/local/bin/peer-list',
  '',
  'FROM registry.access.redhat.com/ubi9/ubi-minimal AS ubi9',
  'COPY --from=go_builder /usr/local/bin/percona-xtradb-cluster-operator /usr/local/bin/percona-xtradb-cluster-operator',
  'COPY --from=go_builder /usr/local/bin/peer-list /peer-list',
  'USER 2',
], eol);

// percona/percona-postgresql-operator adafb34ff17cb2df8b491d725cccdd46c0607d44 (Apache-2.0)
// build/postgres-operator/Dockerfile:24-48, trimmed: the same GO_LDFLAGS on four go builds of one
// RUN, after an `export CC=…` of a cross compiler (cgo on).
const pg = df([
  'FROM --platform=${BUILDPLATFORM} golang:1.26 AS go_builder',
  'WORKDIR /go/src/github.com/percona/percona-postgresql-operator',
  'ARG GO_LDFLAGS',
  'ARG GOOS=linux',
  'ARG TARGETARCH',
  'ARG TARGETPLATFORM',
  'ARG OPERATOR_CGO_ENABLED=1',
  'COPY . .',
  'RUN mkdir -p build/_output/bin \\',
  '   && if [ "${TARGETPLATFORM}" = "linux/arm64" ]; then \\',
  '        apt-get update -y && apt-get install gcc-aarch64-linux-gnu -y && export CC=aarch64-linux-gnu-gcc; \\',
  '      fi \\',
  '   && CGO_ENABLED=$OPERATOR_CGO_ENABLED GOARCH=${TARGETARCH} GOOS=$GOOS GO_LDFLAGS=$GO_LDFLAGS \\',
  '       go build -ldflags "-w -s" \\',
  '           -o build/_output/bin/postgres-operator \\',
  '               ./cmd/postgres-operator \\',
  '    && CGO_ENABLED=0 GOARCH=${TARGETARCH} GOOS=$GOOS GO_LDFLAGS=$GO_LDFLAGS \\',
  '        go build \\',
  '            -o build/_output/bin/pgbouncer-startup ./cmd/pgbouncer-startup',
  'FROM registry.access.redhat.com/ubi9/ubi-minimal',
  'COPY --from=go_builder /go/src/github.com/percona/percona-postgresql-operator/build/_output/bin/ /usr/local/bin/',
]);

describe('GD134 go-flags-variable-not-read', () => {
  it('finds GO_LDFLAGS in the environment of each go build (percona-xtradb-cluster-operator build/Dockerfile:18,24)', () => {
    const text = pxc();
    const fs = find(text);
    assert.deepEqual(fs.map((f) => text.slice(f.span.start, f.span.end)), ['GO_LDFLAGS=$GO_LDFLAGS', 'GO_LDFLAGS=$GO_LDFLAGS']);
    assert.deepEqual(fs.map((f) => text.slice(0, f.span.start).split('\n').length), [18, 24]);
    assert.equal(fs[0].severity, 'warning');
    assert.match(fs[0].message, /^`GO_LDFLAGS=\$GO_LDFLAGS` puts GO_LDFLAGS in the environment of `go build`, but the go command never reads GO_LDFLAGS: its flags come from its command line and GOFLAGS/);
    assert.match(fs[0].message, /`-ldflags "\$GO_LDFLAGS"` for linker flags, and build flags such as -trimpath or -race as words of the command \(or in GOFLAGS\)\.$/);
    assert.equal(fs[0].fix, undefined);
  });

  it('finds it on every go build of one RUN, cgo on with a cross compiler (percona-postgresql-operator build/postgres-operator/Dockerfile:31,42)', () => {
    assert.deepEqual(spans(pg), ['GO_LDFLAGS=$GO_LDFLAGS', 'GO_LDFLAGS=$GO_LDFLAGS']);
  });

  it('CRLF file: same findings', () => {
    assert.equal(find(pxc('\r\n')).length, 2);
  });

  it('names tags, gcflags and other flag variables; through `env` and on go install', () => {
    const run = (cmd: string) => df(['FROM golang:1.25', 'WORKDIR /src', 'COPY . .', `RUN ${cmd}`]);
    const tags = find(run('BUILD_TAGS=netgo go build -o /app .'));
    assert.equal(tags.length, 1);
    assert.match(tags[0].message, /Pass the tags on the command: `-tags "\$BUILD_TAGS"`\.$/);
    assert.match(find(run('GO_GCFLAGS="all=-N -l" go build -o /app .'))[0].message, /`-gcflags "\$GO_GCFLAGS"` for compiler flags/);
    assert.match(find(run('GO_BUILD_FLAGS=-trimpath go install ./cmd/app'))[0].message, /as words of the command \(`go build \$GO_BUILD_FLAGS …`\) or in GOFLAGS/);
    assert.deepEqual(spans(run('env CGO_ENABLED=0 LDFLAGS="-s -w" go build -o /app .')), ['LDFLAGS="-s -w"']);
  });

  it('is silent for what go reads, programs that inherit the environment, -toolexec, wrappers, the same words, empty values, ENV and ARG', () => {
    const run = (cmd: string, pre: string[] = []) => df(['FROM golang:1.25', 'WORKDIR /src', 'COPY . .', ...pre, `RUN ${cmd}`]);
    for (const cmd of [
      'GOFLAGS=-trimpath go build -o /app .',
      'CGO_LDFLAGS="-static" CGO_CFLAGS=-O2 go build -o /app .',
      'GO_LDFLAGS=-s go run ./tools/gen',
      'GO_TAGS=x go generate ./...',
      'BUILD_TAGS=x go test ./...',
      'GO_LDFLAGS=-s go vet ./...',
      'GO_LDFLAGS=-s go build -toolexec=/usr/local/bin/wrap -o /app .',
      'GOFLAGS=-toolexec=/bin/wrap GO_LDFLAGS=-s go build -o /app .',
      'GO_LDFLAGS=-s timeout 600 go build -o /app .',
      'GO_LDFLAGS=-s make build',
      'GO_LDFLAGS=-s ./build.sh',
      'GO_TAGS=netgo go build -tags "$GO_TAGS" -o /app .',
      'GO_LDFLAGS= go build -o /app .',
      'GO_LDFLAGS="" go build -o /app .',
      'VERSION=1 go build -o /app .',
      'go build -ldflags "$GO_LDFLAGS" -o /app .',
    ]) assert.deepEqual(spans(run(cmd)), [], cmd);
    assert.deepEqual(spans(run('GO_LDFLAGS=-s go build -o /app .', ['ENV GOFLAGS=-toolexec=/bin/wrap'])), []);
    assert.deepEqual(spans(run('go build -o /app .', ['ARG GO_LDFLAGS', 'ENV GO_BUILD_FLAGS=-trimpath'])), []);
  });
});
