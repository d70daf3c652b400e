import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { find, fix, has } from './kit/gobuild';

/** GD121 unexported-go-variable: its own cases. */
before(() => ready);

describe('GD121 unexported-go-variable', () => {
  // oauth2-proxy/oauth2-proxy 14af2951e562c9573c72c433732ceee83aea3282 (MIT) Dockerfile:1-55,
  // trimmed (judge G, round 10, a miss): GOARM is set in the case but only GOARCH is passed to
  // make, so the linux/arm/v6 image holds an ARMv7 binary.
  const oauth2Proxy = (build = 'GOARCH=${GOARCH} VERSION=${VERSION} make build && touch jwt_signing_key.pem', image = '${BUILD_IMAGE}', pre: string[] = []) => df([
    'ARG BUILD_IMAGE=placeholder',
    'ARG VERSION',
    `FROM --platform=\${BUILDPLATFORM} ${image} AS builder`,
    'WORKDIR $GOPATH/src/github.com/oauth2-proxy/oauth2-proxy',
    'COPY go.mod go.sum ./',
    'RUN go mod download',
    'COPY . .',
    'ARG TARGETPLATFORM',
    'ARG VERSION',
    ...pre,
    'RUN case ${TARGETPLATFORM} in \\',
    '         "linux/amd64")  GOARCH=amd64  ;; \\',
    '         "linux/arm64" | "linux/arm/v8")  GOARCH=arm64  ;; \\',
    '         "linux/arm/v6") GOARCH=arm GOARM=6  ;; \\',
    '         "linux/arm/v7") GOARCH=arm GOARM=7 ;; \\',
    '    esac && \\',
    '    printf "Building OAuth2 Proxy for arch ${GOARCH}\\n" && \\',
    `    ${build}`,
  ]);

  it('finds GOARM set in a case arm and never passed to make (oauth2-proxy); GOARCH, passed, is not reported', () => {
    const text = oauth2Proxy();
    const fs = find(text, 'GD121');
    assert.equal(fs.length, 1, fs.map((f) => f.message).join('\n'));
    assert.equal(fs[0].severity, 'warning');
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'GOARM=6');
    assert.match(fs[0].message, /^`GOARM=6` sets a shell variable, not the environment: `GOARCH=\$\{GOARCH\} VERSION=\$\{VERSION\} make build` runs without GOARM, so go builds with its default \(GOARM=7 on arm/);
    assert.equal(fs[0].fix?.safe, false);
    const fixed = fix(text, 'GD121');
    assert.ok(fixed.includes('GOARCH=${GOARCH} VERSION=${VERSION} GOARM=${GOARM} make build'), fixed);
    assert.equal(has(fixed, 'GD121'), false);
  });

  it('finds a bare assignment before go build itself, and names it per variable', () => {
    const text = df(['FROM golang:1.25', 'WORKDIR /src', 'COPY . .', 'RUN CGO_ENABLED=0; GOOS=linux && go build -o /app .']);
    assert.deepEqual(find(text, 'GD121').map((f) => text.slice(f.span.start, f.span.end)), ['CGO_ENABLED=0', 'GOOS=linux']);
    const fixed = fix(text, 'GD121');
    assert.ok(fixed.includes('CGO_ENABLED=${CGO_ENABLED} go build'), fixed);
  });

  it('fix keeps CRLF line endings (a continuation between the assignment and make)', () => {
    const crlf = oauth2Proxy().replace(/\n/g, '\r\n');
    assert.equal(find(crlf, 'GD121').length, 1);
    const fixed = fix(crlf, 'GD121');
    assert.ok(fixed.includes('    GOARCH=${GOARCH} VERSION=${VERSION} GOARM=${GOARM} make build && touch jwt_signing_key.pem\r\n'), JSON.stringify(fixed));
  });

  it('is silent when the variable is exported, already in the environment, or passed to every go step', () => {
    for (const text of [
      oauth2Proxy('GOARCH=${GOARCH} GOARM=${GOARM} VERSION=${VERSION} make build'),
      oauth2Proxy('export GOARCH GOARM && make build'),
      oauth2Proxy('make build', undefined, ['ENV GOARM=7 GOARCH=amd64']),
      oauth2Proxy('make build', undefined, ['ARG GOARM', 'ARG GOARCH']),
      df(['FROM golang:1.25', 'COPY . .', 'RUN set -a; GOOS=linux; go build -o /app .']),
      df(['FROM golang:1.25', 'COPY . .', 'RUN set -o allexport && GOOS=linux && go build -o /app .']),
      df(['FROM golang:1.25', 'COPY . .', 'RUN export GOOS=linux && go build -o /app .']),
      df(['FROM golang:1.25', 'COPY . .', 'RUN declare -x GOOS=linux && go build -o /app .']),
      df(['FROM golang:1.25', 'COPY . .', 'RUN GOOS=linux go build -o /app .']),
      // No go step after it: the variable is only read by the shell.
      df(['FROM golang:1.25', 'COPY . .', 'RUN go build -o /app . && GOOS=linux && echo $GOOS']),
      // Not a variable go reads.
      df(['FROM golang:1.25', 'COPY . .', 'RUN VERSION=1.2 && go build -o /app .']),
      // A build tool on an image without go that runs no go here: nothing to tell.
      df(['FROM node:22', 'COPY . .', 'RUN CC=clang && make']),
    ]) assert.equal(has(text, 'GD121'), false, text);
  });
});
