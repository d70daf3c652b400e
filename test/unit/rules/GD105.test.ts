import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { fixture, find, has, fix, mod } from './kit/workspaceGo';

/** GD105 go-sum-not-copied: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD105 go-sum-not-copied', () => {
  const layer = (copy: string) => df(['FROM golang:1.22 AS build', 'WORKDIR /src', copy, 'RUN go mod download', 'COPY . .', 'RUN go build -o /app .']);

  it('finds go.mod copied without go.sum before go mod download (simple fixture has go.sum), on the COPY', () => {
    const text = layer('COPY go.mod ./');
    const f = find(text, 'GD105', fixture('simple'))[0];
    assert.ok(f);
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY go.mod ./');
  });

  it('fix adds go.sum to that COPY (shell and exec form), making the destination a folder when needed', () => {
    const opts = fixture('simple');
    assert.match(fix(layer('COPY go.mod ./'), 'GD105', opts), /\nCOPY go\.mod go\.sum \.\/\n/);
    assert.match(fix(layer('COPY ["go.mod", "./"]'), 'GD105', opts), /\nCOPY \["go\.mod", "go\.sum", "\.\/"\]\n/);
    assert.match(fix(layer('COPY go.mod .'), 'GD105', opts), /\nCOPY go\.mod go\.sum \.\/\n/);
    assert.match(fix(layer('COPY ./go.mod /src/go.mod'), 'GD105', opts), /\nCOPY \.\/go\.mod \.\/go\.sum \/src\/\n/);
    assert.match(fix(layer('ADD --chown=1000 go.mod /src'), 'GD105', opts), /\nADD --chown=1000 go\.mod go\.sum \/src\/\n/);
    assert.equal(find(layer('COPY go.mod ./'), 'GD105', opts)[0].fix?.safe, true);
  });

  it('is silent when the workspace has no go.sum, when go.sum comes before the download, for go.*, and without a workspace', () => {
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', fixture('nosum')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod ./', 'COPY go.sum ./', 'RUN go mod download']), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.* ./'), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.mod go.sum ./'), 'GD105', fixture('simple')), false);
    assert.equal(has(layer('COPY go.mod ./'), 'GD105'), false);
    // go.mod copied with the sources is not a dependency layer; nor is one no go command follows.
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod main.go ./', 'RUN go build -o /app .']), 'GD105', fixture('simple')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod *.go ./', 'RUN go build -o /app .']), 'GD105', fixture('simple')), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY go.mod /tmp/', 'RUN grep ^go /tmp/go.mod']), 'GD105', fixture('simple')), false);
  });

  it('uses the model when no files are loaded', () => {
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', mod('1.22', { hasGoSum: true })), true);
    assert.equal(has(layer('COPY go.mod ./'), 'GD105', mod('1.22', { hasGoSum: false })), false);
  });

  it('checks each member go.mod of a go.work layout (gowork fixture)', () => {
    const opts = fixture('gowork');
    const text = df(['FROM golang:1.23 AS build', 'WORKDIR /src', 'COPY go.work go.work.sum ./', 'COPY svc/api/go.mod svc/api/', 'COPY lib/shared/go.mod lib/shared/', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app ./svc/api']);
    const fs = find(text, 'GD105', opts);
    assert.equal(fs.length, 1, 'lib/shared has no go.sum');
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'COPY svc/api/go.mod svc/api/');
    assert.match(fix(text, 'GD105', opts), /\nCOPY svc\/api\/go\.mod svc\/api\/go\.sum svc\/api\/\n/);
  });

  it('fix keeps CRLF and the escape directive', () => {
    const fixed = fix(layer('COPY go.mod ./').replace(/\n/g, '\r\n'), 'GD105', fixture('simple'));
    assert.ok(fixed.includes('\r\nCOPY go.mod go.sum ./\r\nRUN go mod download\r\n'));
    const escape = fix(df(['# escape=`', 'FROM golang:1.22', 'WORKDIR C:\\src', 'COPY go.mod `', '     ./', 'RUN go mod download'], '\r\n'), 'GD105', fixture('simple'));
    assert.ok(escape.startsWith('# escape=`\r\n'));
    assert.ok(escape.includes('COPY go.mod go.sum `\r\n     ./\r\n'));
  });
});
