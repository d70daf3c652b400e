import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { df, lint, ready } from '../helpers';
import { GO_MOD, MAIN, tempWorkspace } from './kit/realworld';

/** GD131 command-substitution-not-run: its own cases. */
before(() => ready);

const find = (text: string, opts = {}) => lint(text, opts).filter((f) => f.code === 'GD131');
const spans = (text: string, opts = {}) => find(text, opts).map((f) => text.slice(f.span.start, f.span.end));

// okteto/okteto 965feb4 (Apache-2.0), Dockerfile:195-208 (shortened): the final stage's OCI
// labels, the first with `$(date …)`, which BuildKit keeps as text (judge 39 Y, M2). Its CI builds
// pass `--build-arg VERSION_STRING=…` and no `--label` (.circleci/config.yml:305, :332).
const okteto = (created = 'org.opencontainers.image.created="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \\') => [
  'FROM golang:1.24-bookworm AS builder',
  'WORKDIR /okteto',
  'COPY . .',
  'RUN go build -o /okteto/bin/okteto .',
  '',
  'FROM busybox:1.37.0',
  'COPY --link --chmod=755 --from=builder /okteto/bin/okteto /usr/local/bin/okteto',
  '',
  '# Step 5: Add OCI-compliant metadata labels',
  'ARG VERSION_STRING',
  '# Generate build date at build time',
  `LABEL ${created}`,
  '      org.opencontainers.image.source="https://github.com/okteto/okteto" \\',
  '      org.opencontainers.image.version="${VERSION_STRING}" \\',
  '      org.opencontainers.image.description="Okteto accelerates the development workflow of Kubernetes applications, enabling you to code locally while running your applications in a remote cluster." \\',
  '      org.opencontainers.image.vendor="Okteto"',
  'ENV OKTETO_DISABLE_SPINNER=true',
];

// harness/harness ad5c876 (Apache-2.0), .devcontainer/Dockerfile:6-23 (shortened): the dev
// container's tools stage adds `$(go env GOPATH)/bin` to PATH in an ENV, where no shell runs.
const harness = (env = 'ENV PATH="${PATH}:$(go env GOPATH)/bin"') => [
  '# syntax=docker/dockerfile:1',
  'FROM mcr.microsoft.com/devcontainers/go:1-1.23 AS tools',
  'RUN apt update && apt install -y \\',
  '    nodejs \\',
  '    protobuf-compiler \\',
  '    && apt-get clean \\',
  '    && rm -rf /var/lib/apt/lists/*',
  'RUN export GOMAXPROCS=1 && go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.34.1',
  env,
  '',
  'FROM tools AS services',
  'ARG TARGETARCH',
];

describe('GD131 command-substitution-not-run', () => {
  it('reports okteto\'s `created="$(date …)"` label, on the substitution, as a warning without a fix', () => {
    const text = df(okteto());
    const [f, ...rest] = find(text);
    assert.ok(f, 'a finding');
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), '$(date -u +%Y-%m-%dT%H:%M:%SZ)');
    assert.match(f.message, /BuildKit expands only `\$NAME` and `\$\{NAME\}` in a LABEL value/);
    assert.match(f.message, /label org\.opencontainers\.image\.created gets this text/);
    assert.equal(f.fix, undefined);
    // CRLF: the same.
    assert.deepEqual(spans(df(okteto(), '\r\n')), ['$(date -u +%Y-%m-%dT%H:%M:%SZ)']);
  });

  it('reports harness\'s `ENV PATH="${PATH}:$(go env GOPATH)/bin"`, and the legacy `ENV PATH value` form', () => {
    const text = df(harness());
    const [f, ...rest] = find(text);
    assert.ok(f, 'a finding');
    assert.deepEqual(rest, []);
    assert.equal(text.slice(f.span.start, f.span.end), '$(go env GOPATH)');
    assert.match(f.message, /in an ENV value/);
    assert.match(f.message, /PATH gets this text.*directory that does not exist/);
    assert.match(f.message, /`\$\{GOPATH\}` where the image sets GOPATH/);
    assert.deepEqual(spans(df(harness('ENV PATH $PATH:$(go env GOPATH)/bin'))), ['$(go env GOPATH)']);
    assert.deepEqual(spans(df(harness('ENV PATH="$PATH:`go env GOPATH`/bin"'))), ['`go env GOPATH`']);
    assert.deepEqual(spans(df(harness('ENV CGO_CFLAGS="$(pkg-config --cflags libgit2)" GOFLAGS=-mod=mod'))), ['$(pkg-config --cflags libgit2)']);
  });

  it('is silent once the value is written out (the real fixes)', () => {
    assert.deepEqual(find(df(harness('ENV PATH="${PATH}:${GOPATH}/bin"'))), []);
    assert.deepEqual(find(df(okteto('org.opencontainers.image.created="${BUILD_DATE}" \\'))), []);
  });

  it('is silent for an ENV a shell or a program may evaluate later (a prompt, a command line, any other name)', () => {
    // Bash expands `$(…)` in PS1 at each prompt; git runs GIT_SSH_COMMAND through a shell; a start
    // script may `eval` anything else.
    assert.deepEqual(find(df(harness("ENV PS1='$(whoami)@\\h:\\w\\$ '"))), []);
    assert.deepEqual(find(df(harness('ENV PS1="$(whoami)"'))), []);
    assert.deepEqual(find(df(harness('ENV GIT_SSH_COMMAND="$(command -v ssh)"'))), []);
    assert.deepEqual(find(df(harness('ENV START_ID="$(hostname)"'))), []);
    assert.deepEqual(find(df(harness('ENV CC="$(xx-info triple)-gcc"'))), []);
  });

  it('is silent for a value meant literally: single quotes, an escaped `$`, a command line shown to a reader', () => {
    assert.deepEqual(find(df(okteto("org.opencontainers.image.created='$(date -u +%Y)' \\"))), []);
    assert.deepEqual(find(df(harness('ENV PATH=${PATH}:\\$(go env GOPATH)/bin'))), []);
    // label-schema's usage labels hold a command line with `$(pwd)` for the reader to run.
    assert.deepEqual(find(df(okteto('org.label-schema.docker.cmd="docker run -v $(pwd):/data okteto/okteto" \\'))), []);
    assert.deepEqual(find(df(okteto('RUN="docker run --rm -v `pwd`:/src ${IMAGE}" \\'))), []);
    // Markdown-style code in a description.
    assert.deepEqual(find(df(okteto('org.opencontainers.image.description="Run `okteto up` to start" \\'))), []);
  });

  it('is silent for Make-style placeholders a build script replaces, arithmetic, and `${…}` forms', () => {
    assert.deepEqual(find(df(okteto('org.opencontainers.image.version="$(VERSION)" \\'))), []);
    assert.deepEqual(find(df(okteto('org.opencontainers.image.version=$(VERSION) \\'))), []);
    assert.deepEqual(find(df(okteto('org.opencontainers.image.revision="$(shell git rev-parse HEAD)" \\'))), []);
    assert.deepEqual(find(df(okteto('build.number="$((1 + 2))" \\'))), []);
    assert.deepEqual(find(df(okteto('org.opencontainers.image.created="${CREATED:-$(date)}" \\'))), []);
    // A bare command is one: `$(date)`, `` `hostname` ``.
    assert.deepEqual(spans(df(okteto('org.opencontainers.image.created="$(date)" \\'))), ['$(date)']);
  });

  it('is silent for a substitution white space splits (a malformed instruction) and for backticks as the escape character', () => {
    assert.deepEqual(find(df(okteto('org.opencontainers.image.created=$(date -u) \\'))), []);
    const windows = df(['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'LABEL a=`date` b="x"', 'ENV PATH="C:\\go\\bin;${PATH}"']);
    assert.deepEqual(find(windows), []);
  });

  it('reports an ARG default only when the build uses it and only literal readers read it', () => {
    const files = (extra: Record<string, string> = {}) => ({ '.github/workflows/ci.yml': 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build .\n', 'go.mod': GO_MOD, 'main.go': MAIN, ...extra });
    const image = (...tail: string[]) => df(['FROM golang:1.24 AS build', 'ARG BUILD_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)"', 'WORKDIR /src', 'COPY . .', ...tail]);
    const build = 'RUN go build -ldflags "-X main.date=${BUILD_DATE}" -o /app .';
    const label = 'LABEL org.opencontainers.image.created=$BUILD_DATE';
    const t1 = image(build, label);
    const ws = tempWorkspace({ ...files(), Dockerfile: t1 }, 'Dockerfile');
    const [f, ...rest] = find(t1, ws);
    assert.ok(f, 'a finding');
    assert.deepEqual(rest, []);
    assert.equal(t1.slice(f.span.start, f.span.end), '$(date -u +%Y-%m-%dT%H:%M:%SZ)');
    assert.match(f.message, /default of BUILD_DATE is this text.*pass no `--build-arg BUILD_DATE`/);
    // A build file passes it: the default is a placeholder.
    const passed = tempWorkspace({ ...files({ Makefile: 'image:\n\tdocker build --build-arg BUILD_DATE=$(shell date) .\n' }), Dockerfile: t1 }, 'Dockerfile');
    assert.deepEqual(find(t1, passed), []);
    // No workspace: the build files are unknown.
    assert.deepEqual(find(t1), []);
    // A reader that may evaluate it, or none at all.
    for (const t of [image('RUN eval "echo $BUILD_DATE" > /date'), image('RUN echo "export D=$BUILD_DATE" >> /etc/profile'), image('ENV BUILD_DATE=$BUILD_DATE'), image('RUN sh -c "go build -ldflags \'-X main.date=$BUILD_DATE\' ."'), image('RUN go build -o /app .')]) {
      assert.deepEqual(find(t, tempWorkspace({ ...files(), Dockerfile: t }, 'Dockerfile')), [], t);
    }
  });

  it('is silent for a label the build files set themselves (`--label KEY=`, docker/metadata-action)', () => {
    const text = df(okteto());
    const tree = (extra: Record<string, string>) => tempWorkspace({ '.github/workflows/ci.yml': 'on: push\n', 'go.mod': GO_MOD, 'main.go': MAIN, Dockerfile: text, ...extra }, 'Dockerfile');
    // okteto's own CI passes build args only: still reported.
    assert.equal(find(text, tree({ '.circleci/config.yml': 'run: okteto build --platform "linux/amd64" --build-arg VERSION_STRING=$CIRCLE_SHA1 -f Dockerfile .\n' })).length, 1);
    assert.deepEqual(find(text, tree({ Makefile: 'image:\n\tdocker build --label org.opencontainers.image.created=$(shell date -u +%FT%TZ) .\n' })), []);
    assert.deepEqual(find(text, tree({ '.github/workflows/release.yml': 'jobs:\n  b:\n    steps:\n      - uses: docker/metadata-action@v5\n        id: meta\n      - uses: docker/build-push-action@v6\n        with:\n          labels: ${{ steps.meta.outputs.labels }}\n' })), []);
  });

  it('is silent in a Dockerfile named as a template a build script renders', () => {
    const text = df(okteto());
    assert.deepEqual(find(text, tempWorkspace({ 'go.mod': GO_MOD, 'main.go': MAIN, 'Dockerfile.in': text }, 'Dockerfile.in')), []);
  });
});
