import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD130 instruction-swallowed-by-continuation: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD130');

// mosajjal/dnsmonster 9f54e16 (GPL-3.0), Dockerfile-crossplatform:40-64 (judge 36 Y, M1): the
// FreeBSD, NetBSD and OpenBSD RUNs end with `&& \`, and after an empty line and a comment the next
// `RUN echo "Building … binaries"` is the rest of their script. buildah: `STEP 2/3: RUN export
// A=1 &&     echo a &&     RUN echo "Building NetBSD binaries"` (judge 36 Y repro/m1-continuation),
// and the shell stops at `RUN: not found`.
const DNSMONSTER = [
  'FROM alpine:edge',
  'RUN apk add --no-cache git go zig file --repository http://dl-cdn.alpinelinux.org/alpine/edge/testing/',
  'ARG PROJECT=dnsmonster',
  'ARG GOTAG=nolibpcap',
  'ARG OUTDIR="/tmp/bins"',
  'COPY . /${PROJECT}',
  'WORKDIR /${PROJECT}',
  'ENV GOBUILD="go build -ldflags=-s -tags ${GOTAG} -o ${OUTDIR}/${PROJECT}_${GOTAG}"',
  'ENV BASEDIR="./cmd/dnsmonster"',
  '',
  '# FreeBSD',
  'RUN echo "Building FreeBSD binaries"',
  'RUN export GOOS=freebsd && export CGO_ENABLED=0 && \\',
  '    export GOARCH=arm64 && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '    export GOARCH=amd64 && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '    export GOARCH=arm && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '',
  '    # NetBSD',
  '    RUN echo "Building NetBSD binaries"',
  'RUN export GOOS=netbsd && export CGO_ENABLED=0 && \\',
  '    export GOARCH=arm64 && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '    export GOARCH=amd64 && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '    export GOARCH=arm && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR} && \\',
  '',
  '    # OpenBSD',
  '    RUN echo "Building OpenBSD binaries"',
  'RUN export GOOS=openbsd && export CGO_ENABLED=0 && \\',
  '    export GOARCH=arm64 && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR}',
  '',
  'FROM scratch',
  'COPY --from=0 /tmp/bins/*.bin  /',
  'ENTRYPOINT ["/dnsmonster"]',
];

describe('GD130 instruction-swallowed-by-continuation', () => {
  it('reports dnsmonster\'s `RUN echo …` lines that the RUN before takes in, as errors on the swallowed instruction', () => {
    const text = df(DNSMONSTER);
    const found = find(text);
    assert.equal(found.length, 2);
    const [f, g] = found;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'RUN echo "Building NetBSD binaries"');
    assert.equal(text.slice(g.span.start, g.span.end), 'RUN echo "Building OpenBSD binaries"');
    assert.match(f.message, /^Line 16 ends with `\\`, so the RUN of line 13 continues on line 19 \(the builder skips the empty and comment lines between\): `RUN echo "Building NetBSD binaries"` is not an instruction but part of the RUN's shell command\./);
    assert.match(f.message, /runs `RUN` as a command, which does not exist \(`RUN: not found`, exit status 127\), and the RUN fails with it/);
    assert.equal(f.fix?.safe, true);
  });

  it('fix: ends the continuation (the `&&` and the `\\` go), LF and CRLF; the file parses to the instructions written and keeps its line endings', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = df(DNSMONSTER, eol);
      const once = applyFix(text, 'GD130');
      assert.equal(find(once).length, 1);
      const fixed = applyFix(once, 'GD130');
      assert.deepEqual(find(fixed), []);
      const lines = fixed.split(eol);
      assert.equal(lines.length, text.split(eol).length, 'no line added or removed');
      assert.equal(lines[15], '    export GOARCH=arm && ${GOBUILD}_${GOOS}_${GOARCH}.bin ${BASEDIR}');
      assert.equal(lines[22], lines[15]);
      const runs = parseDockerfile(fixed).instructions.filter((i) => i.keyword === 'RUN');
      assert.deepEqual(runs.map((r) => r.line + 1), [2, 12, 13, 19, 20, 26, 27]);
      assert.equal(runs[3].script?.text, 'echo "Building NetBSD binaries"');
    }
  });

  it('no blank line between, and other keywords: `COPY` taken into the script by a `&& \\` (error)', () => {
    const text = df(['FROM golang:1.24', 'RUN go mod download && \\', 'COPY . .', 'RUN go build -o /app .']);
    const [f] = find(text);
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.doesNotMatch(f.message, /skips the empty/);
    assert.equal(applyFix(text, 'GD130').split('\n')[1], 'RUN go mod download');
  });

  it('warning and no fix when the RUN may still succeed: after `||`, or with `;` after the command', () => {
    const orElse = find(df(['FROM alpine:3.21', 'RUN apk add --no-cache curl || \\', 'RUN echo fallback']));
    assert.equal(orElse.length, 1);
    assert.equal(orElse[0].severity, 'warning');
    assert.match(orElse[0].message, /what the instruction is meant to do never happens/);
    assert.equal(orElse[0].fix, undefined);
    const thenMore = find(df(['FROM alpine:3.21', 'RUN echo a && \\', '    WORKDIR /src; \\', '    echo done']));
    assert.equal(thenMore.length, 1);
    assert.equal(thenMore[0].severity, 'warning');
  });

  it('error after `;` and with `&&` commands after it; no fix where the `&&` is not on the continued line', () => {
    const semi = find(df(['FROM alpine:3.21', 'RUN echo a; \\', 'RUN echo b && \\', '    echo c']));
    assert.equal(semi.length, 1);
    assert.equal(semi[0].severity, 'error');
    assert.equal(applyFix(df(['FROM alpine:3.21', 'RUN echo a; \\', 'RUN echo b && \\', '    echo c']), 'GD130').split('\n')[1], 'RUN echo a');
    const [apart] = find(df(['FROM alpine:3.21', 'RUN echo a \\', '  && \\', 'RUN echo b']));
    assert.ok(apart);
    assert.equal(apart.fix, undefined);
  });

  // pufferpanel/pufferpanel 980d599 (Apache-2.0), Dockerfile:62-68: the RUN ends on line 64, the
  // commented-out lines after it still end with `&& \`, and ENV follows: comment lines do not
  // continue anything, the ENV is an instruction.
  it('is silent where the RUN ended before comment lines that end with `\\` (pufferpanel Dockerfile:62-68)', () => {
    const text = df([
      'FROM alpine:3.21',
      'EXPOSE 8080 5657',
      'RUN mkdir -p /etc/pufferpanel && \\',
      '    mkdir -p /var/lib/pufferpanel /var/lib/pufferpanel/servers /var/lib/pufferpanel/binaries /var/lib/pufferpanel/cache && \\',
      '    mkdir -p /var/log/pufferpanel',
      '    #addgroup --system -g 1000 pufferpanel && \\',
      '    #adduser -D -H --home /var/lib/pufferpanel --ingroup pufferpanel -u 1000 pufferpanel && \\',
      '    #chown -R pufferpanel:pufferpanel /etc/pufferpanel /var/lib/pufferpanel /var/log/pufferpanel',
      '',
      'ENV GIN_MODE=release \\',
      '    PUFFER_DOCKER_ROOT=""',
    ]);
    assert.deepEqual(find(text), []);
  });

  it('is silent where the keyword is no command name: an argument, a quoted string, lower case, one line', () => {
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN echo \\', '    RUN is a word here'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN apk add \\', '    curl \\', '    COPY'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN echo "a \\', 'RUN b"'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN true && \\', '    env FOO=1 sh -c true'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN echo a && RUN echo b'])), []);
  });

  it('is silent for a heredoc, a function of that name, a SHELL stage and a Windows build', () => {
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN <<EOF', 'echo a && \\', 'RUN echo b', 'EOF'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'RUN RUN() { echo "$@"; } && \\', '    RUN echo b'])), []);
    assert.deepEqual(find(df(['FROM alpine:3.21', 'SHELL ["/bin/ash", "-c"]', 'RUN echo a && \\', 'RUN echo b'])), []);
    assert.deepEqual(find(df(['# escape=`', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN echo a && `', '    COPY a b'])), []);
  });
});
