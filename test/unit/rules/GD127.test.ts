import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/parse';
import { applyFix, df, lint, ready } from '../helpers';

/** GD127 empty-argument-before-go-flags: its own cases. */
before(() => ready);

const find = (text: string) => lint(text).filter((f) => f.code === 'GD127');
const spans = (text: string) => find(text).map((f) => text.slice(f.span.start, f.span.end));

// lindb/lindb 612070e (Apache-2.0), Dockerfile-gh (shortened): `ARG LD_FLAGS` without a default and
// `go build "${LD_FLAGS}" -o lind ./cmd/lind`; a plain `docker build` passes "" first, go stops
// reading flags there and takes `-o lind ./cmd/lind` as packages (judge 30 Y M8).
const lindb = (arg = 'ARG LD_FLAGS', build = 'go build "${LD_FLAGS}" -o lind ./cmd/lind \\') => [
  'FROM golang:1.22 as go_builder',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  arg,
  'WORKDIR /go_workspace',
  'COPY go.mod go.mod',
  'COPY go.sum go.sum',
  'RUN go mod download',
  'COPY . .',
  'RUN\tCGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} \\',
  `    ${build}`,
  '    && go build "${LD_FLAGS}" -o lindctl ./cmd/cli',
  '',
  'FROM centos:latest',
  'COPY --from=go_builder /go_workspace/lind /usr/bin/lind',
  'ENTRYPOINT ["/usr/bin/lind"]',
];

describe('GD127 empty-argument-before-go-flags', () => {
  it('reports lindb\'s two `go build "${LD_FLAGS}" -o …` as errors naming the ARG\'s line', () => {
    const text = df(lindb());
    assert.deepEqual(spans(text), ['"${LD_FLAGS}"', '"${LD_FLAGS}"']);
    const [f] = find(text);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^`go build "\$\{LD_FLAGS\}" -o …`: `ARG LD_FLAGS` \(line 4\) has no default value/);
    assert.match(f.message, /--build-arg LD_FLAGS=…/);
    assert.equal(f.fix?.safe, true);
  });

  it('reports `"$F"`, an empty default, a global ARG without a default, an empty ENV and go install/test', () => {
    assert.deepEqual(spans(df(['FROM golang:1.24', 'ARG F', 'RUN go build "$F" -o /x .'])), ['"$F"']);
    assert.deepEqual(spans(df(['FROM golang:1.24', 'ARG F=', 'RUN go install "${F}" -trimpath ./cmd/x'])), ['"${F}"']);
    assert.deepEqual(spans(df(['ARG F', 'FROM golang:1.24', 'ARG F', 'RUN go test "${F}" -race ./...'])), ['"${F}"']);
    assert.deepEqual(spans(df(['FROM golang:1.24', 'ENV F=""', 'RUN go build "${F}" -o /x .'])), ['"${F}"']);
    // After flags that take no value (`-v`) and after a flag's separate value (`-o /x`).
    assert.deepEqual(spans(df(['FROM golang:1.24', 'ARG F', 'RUN go build -v -o /x "${F}" -trimpath .'])), ['"${F}"']);
    // Through the stage it is built FROM.
    assert.deepEqual(spans(df(['FROM golang:1.24 AS base', 'ARG F', 'FROM base', 'RUN go build "${F}" -o /x .'])), ['"${F}"']);
  });

  it('is silent with a default, unquoted, inside -ldflags=, as a flag\'s value, with no flag after it, or when the RUN sets it', () => {
    for (const [arg, build] of [
      ['ARG LD_FLAGS=-ldflags=-s', 'go build "${LD_FLAGS}" -o lind ./cmd/lind \\'],
      ['ARG LD_FLAGS', 'go build ${LD_FLAGS} -o lind ./cmd/lind \\'],
      ['ARG LD_FLAGS', 'go build -ldflags="${LD_FLAGS}" -o lind ./cmd/lind \\'],
      ['ARG LD_FLAGS', 'go build -ldflags "${LD_FLAGS}" -o lind ./cmd/lind \\'],
      ['ARG LD_FLAGS', 'go build -o lind "${LD_FLAGS}" \\'],
      ['ARG LD_FLAGS', 'go build ${LD_FLAGS:+"${LD_FLAGS}"} -o lind ./cmd/lind \\'],
    ]) {
      const text = df(lindb(arg, build)).replace('&& go build "${LD_FLAGS}" -o lindctl', '&& go build -o lindctl');
      assert.deepEqual(find(text), [], build);
    }
    // The RUN sets it; an ENV gives it a value; not declared at all (the base image's environment).
    assert.deepEqual(find(df(['FROM golang:1.24', 'ARG F', 'RUN F=-v && go build "${F}" -o /x .'])), []);
    assert.deepEqual(find(df(['FROM golang:1.24', 'ARG F', 'RUN F=-v go build "${F}" -o /x .'])), []);
    assert.deepEqual(find(df(['FROM golang:1.24', 'ARG F', 'ENV F=-v', 'RUN go build "${F}" -o /x .'])), []);
    assert.deepEqual(find(df(['FROM golang:1.24', 'RUN go build "${F}" -o /x .'])), []);
    // A global default reaches the stage's bare ARG.
    assert.deepEqual(find(df(['ARG F=-v', 'FROM golang:1.24', 'ARG F', 'RUN go build "${F}" -o /x .'])), []);
    // go run: the words after its package are the program's.
    assert.deepEqual(find(df(['FROM golang:1.24', 'ARG F', 'RUN go run "${F}" -flag'])), []);
  });

  it('fix: `${X:+"${X}"}` (LF and CRLF); the fixed file parses, keeps its endings and loses the finding', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = df(['FROM golang:1.24', 'ARG F', 'RUN go build "${F}" -o /x .'], eol);
      const fixed = applyFix(text, 'GD127');
      assert.equal(fixed.split(eol)[2], 'RUN go build ${F:+"${F}"} -o /x .');
      assert.deepEqual(find(fixed), []);
      assert.equal(parseDockerfile(fixed).stages.length, 1);
    }
    // lindb's file: each finding has its fix.
    const once = applyFix(df(lindb()), 'GD127');
    assert.equal(find(once).length, 1);
  });
});
