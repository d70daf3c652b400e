import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, fix, MOD, BUILD } from './kit/gobuild';

/** GD107 no-build-cache-mount: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD107 no-build-cache-mount', () => {
  const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN CGO_ENABLED=0 go build -o /out/app .']);

  it('finds go mod download and go build without cache mounts, on the go command', () => {
    const fs = find(text, 'GD107');
    assert.equal(fs.length, 2);
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'go mod download');
    assert.equal(text.slice(fs[1].span.start, fs[1].span.end), 'CGO_ENABLED=0 go build -o /out/app .');
    assert.equal(fs[0].severity, 'information');
    assert.match(fs[1].message, /BuildKit/);
    assert.match(fs[1].message, /\/go\/pkg\/mod.*\/root\/\.cache\/go-build/);
    assert.equal(fs[1].fix?.safe, true);
  });

  it('fix: go mod download gets the module cache only, go build both, right after RUN', () => {
    const once = fix(text, 'GD107');
    assert.match(once, new RegExp(`\\nRUN ${MOD} go mod download\\n`));
    const twice = fix(once, 'GD107');
    assert.match(twice, new RegExp(`\\nRUN ${MOD} ${BUILD} CGO_ENABLED=0 go build -o /out/app \\.\\n`));
    assert.equal(has(twice, 'GD107'), false);
  });

  it('keeps the RUN\'s other flags, and mounts only what is missing', () => {
    const t = df(['FROM golang:1.22', `RUN --network=host ${MOD} go build -o /app .`]);
    assert.match(fix(t, 'GD107'), new RegExp(`RUN ${BUILD} --network=host ${MOD} go build`));
  });

  it('is silent with both mounts, with parent directories, an id=, or a variable target', () => {
    assert.equal(has(df(['FROM golang:1.22', `RUN ${MOD} ${BUILD} go build -o /app .`]), 'GD107'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=type=cache,target=/go/pkg --mount=type=cache,id=gb,target=/root/.cache go build -o /app .']), 'GD107'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG GOMODCACHE', 'ARG GOCACHE', 'RUN --mount=type=cache,target=$GOMODCACHE --mount=type=cache,target=$GOCACHE go build -o /app .']), 'GD107'), false);
  });

  it('does not count bind mounts, and ignores go run / go test / go vet', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=type=bind,target=/go/pkg/mod go mod download']), 'GD107'), true);
    assert.equal(has(df(['FROM golang:1.22', 'RUN go test ./... && go vet ./... && go run ./tools/gen']), 'GD107'), false);
  });

  it('uses GOMODCACHE/GOCACHE (and GOPATH) from ENV', () => {
    const t = df(['FROM golang:1.22', 'ENV GOPATH=/gopath GOCACHE=/cache/build', 'RUN go build -o /app .']);
    assert.match(fix(t, 'GD107'), /RUN --mount=type=cache,target=\/gopath\/pkg\/mod --mount=type=cache,target=\/cache\/build go build/);
    const u = df(['FROM golang:1.22', 'ENV GOMODCACHE=/m', 'RUN --mount=type=cache,target=/m go mod download']);
    assert.equal(has(u, 'GD107'), false);
  });

  it('needs no module cache with -mod=vendor or when the stage copies the module cache in', () => {
    assert.match(fix(df(['FROM golang:1.22', 'RUN go build -mod=vendor -o /app .']), 'GD107'), new RegExp(`RUN ${BUILD} go build`));
    const copied = df(['FROM golang:1.22 AS modules', 'COPY go.mod go.sum ./', 'RUN go mod download', 'FROM golang:1.22', 'COPY --from=modules /go/pkg /go/pkg', 'COPY . .', 'RUN go build -o /app .']);
    const f = find(copied, 'GD107');
    // The download's module cache is what the next stage copies: a mount would leave it empty.
    assert.equal(f.length, 1);
    assert.equal(copied.slice(f[0].span.start, f[0].span.end), 'go build -o /app .');
    assert.doesNotMatch(f[0].message, /module cache/);
    assert.match(fix(copied, 'GD107'), new RegExp(`RUN ${BUILD} go build`));
  });

  it('offers no fix for a non-root USER or an unknown image (cache paths unknown)', () => {
    const user = find(df(['FROM golang:1.22', 'USER 1000', 'RUN go build -o /tmp/app .']), 'GD107')[0];
    assert.ok(user && !user.fix);
    assert.match(user.message, /uid=/);
    const custom = find(df(['FROM mycorp/builder:1', 'RUN go build -o /app .']), 'GD107')[0];
    assert.ok(custom && !custom.fix);
    assert.match(custom.message, /go env GOMODCACHE/);
    // A known non-golang image with a distro Go: GOPATH defaults to $HOME/go.
    assert.match(fix(df(['FROM alpine:3.20', 'RUN apk add --no-cache go', 'RUN go build -o /app .']), 'GD107'), /--mount=type=cache,target=\/root\/go\/pkg\/mod --mount=type=cache,target=\/root\/\.cache\/go-build go build/);
  });

  it('fix keeps CRLF, the escape directive, continuations and heredocs', () => {
    const crlf = df(['# escape=`', 'FROM golang:1.22', 'RUN CGO_ENABLED=0 `', '    go build -o /app .'], '\r\n');
    assert.ok(fix(crlf, 'GD107').includes(`RUN ${MOD} ${BUILD} CGO_ENABLED=0 \`\r\n    go build`));
    const heredoc = df(['FROM golang:1.22', 'RUN <<EOF', 'set -e', 'go mod download', 'EOF']);
    assert.equal(fix(heredoc, 'GD107'), df(['FROM golang:1.22', `RUN ${MOD} <<EOF`, 'set -e', 'go mod download', 'EOF']));
  });
});
