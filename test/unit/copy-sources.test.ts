/**
 * COPY/ADD arguments are read once (dockerfile/copySources.ts copyWords) for the rules
 * (copyPaths) and the layer model (copySpec). A heredoc source is not a path of the context, and
 * neither are the words of its body: before the two readers were one, the rules' reader took
 * `COPY <<EOF /etc/motd`'s body words as sources and its last body word as the destination.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { copySpec } from '../../server/src/dockerfile/copySources';
import { copyPaths } from '../../server/src/dockerfile/facts';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { codes, df, ready } from './helpers';

const copyOf = (text: string, n = 0) => parseDockerfile(text).instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')[n];

describe('COPY/ADD sources: one reading', () => {
  before(() => ready);

  it('a heredoc COPY has no context sources and the right destination, in both readers', () => {
    const text = df(['FROM alpine', 'COPY <<EOF /etc/motd', 'hello world ./cmd', 'EOF']);
    const i = copyOf(text);
    assert.deepEqual(copyPaths(i), { sources: [], dest: '/etc/motd' });
    const spec = copySpec(i, text, (s) => s);
    assert.deepEqual(spec.sources, []);
    assert.equal(spec.dest, '/etc/motd');
    assert.deepEqual(spec.heredocs, [{ name: 'EOF', bytes: Buffer.byteLength('hello world ./cmd\n') }]);
  });

  it('a heredoc beside a path source keeps the path only', () => {
    const text = df(['FROM alpine', 'COPY <<EOF config.yaml /app/', 'x: 1', 'EOF']);
    assert.deepEqual(copyPaths(copyOf(text)), { sources: ['config.yaml'], dest: '/app/' });
  });

  it('plain and exec-form COPY read as before', () => {
    assert.deepEqual(copyPaths(copyOf(df(['FROM alpine', 'COPY a b /dst/']))), { sources: ['a', 'b'], dest: '/dst/' });
    assert.deepEqual(copyPaths(copyOf(df(['FROM alpine', 'COPY ["a b", "/dst/"]']))), { sources: ['a b'], dest: '/dst/' });
    assert.equal(copyPaths(copyOf(df(['FROM alpine', 'COPY onlyone']))), null);
  });

  it('GD104 does not take a heredoc COPY before go.mod for a copy of the sources (it did)', () => {
    const text = df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY <<EOF /etc/motd',
      'hello',
      'EOF',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN go build -o /app .',
    ]);
    assert.ok(!codes(text).includes('GD104'));
    // The same Dockerfile with a real source copy first is still reported.
    assert.ok(codes(text.replace('COPY <<EOF /etc/motd\nhello\nEOF\n', 'COPY main.go ./\n')).includes('GD104'));
  });
});

describe("GD104's fix copies the workspace's dependency files (workspace/query.ts dependencyFiles)", () => {
  before(() => ready);

  it('leaves out a go.work member outside the context and one without go.mod (it copied both, and COPY failed)', async () => {
    const { makeGoModule, makeWorkspaceModel } = await import('../../server/src/workspace/make');
    const { applyEdits } = await import('../../server/src/edits/edits');
    const { lint } = await import('./helpers');
    const member = (dir: string, over = {}) => ({ ...makeGoModule({ dir, hasGoSum: true }), use: `./${dir}`, useLine: 1, outsideContext: false, ...over });
    const workspace = makeWorkspaceModel({
      work: {
        members: [member('svc'), member('../shared', { outsideContext: true }), member('gone', { goModExists: false })],
        hasWorkSum: false, goVersion: '1.22', toolchain: null, toolchainVersion: null, replaces: [], lines: { go: 1, toolchain: null }, parseErrors: [],
      },
    });
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./svc']);
    const f = lint(text, { workspace }).find((x) => x.code === 'GD104');
    assert.ok(f?.fix);
    const fixed = applyEdits(text, f.fix.edits);
    assert.match(fixed, /COPY go\.work \.\/\n/);
    assert.match(fixed, /COPY svc\/go\.mod svc\/go\.sum \.\/svc\/\n/);
    assert.doesNotMatch(fixed, /shared|gone/);
  });
});
