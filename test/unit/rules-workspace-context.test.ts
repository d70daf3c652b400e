/**
 * The build-context rules: GD114 (.git in the context), GD202 (scratch without CA
 * certificates), GD203 (scratch without tzdata), GD305 (no .dockerignore), GD306
 * (.dockerignore excludes an input), GD307 (heavy context), the Go-aware .dockerignore builder
 * (facts/contextInputs.ts, generate/dockerignore.ts), and fix-all leaving fixes of other files alone.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { applyEdits } from '../../server/src/edits/edits';
import { appendLinesEdit } from '../../server/src/edits/dockerignoreLines';
import { contextInputs, parseEmbedPatterns, patternConflict, readEmbedDirectives } from '../../server/src/facts/contextInputs';
import { goDockerignore } from '../../server/src/generate/dockerignore';
import { DockerIgnore } from '../../server/src/workspace/dockerignore';
import { type Workspace } from '../../server/src/workspace/load';
import { makeGoModule, makeGoPackage, makeWorkspaceModel } from '../../server/src/workspace/make';
import { df, ready } from './helpers';
import { tmpCopy, write, load, opts, find, build } from './rules/kit/context';

before(() => ready);

describe('generate/dockerignore: the Go-aware .dockerignore builder', () => {
  it('parses //go:embed patterns: several per line, quoted, all: prefix', () => {
    assert.deepEqual(parseEmbedPatterns('package x\n//go:embed a.txt "b c.txt" `d`\n//go:embed all:static/*\n// go:embed no\nvar x string\n'), ['a.txt', 'b c.txt', 'd', 'static/*']);
  });

  it('an unreadable package file (of a package importing embed) counts as embedding its whole folder', () => {
    const model = makeWorkspaceModel({ packages: [makeGoPackage({ dir: 'web', files: ['web.go'], imports: ['embed'] }), makeGoPackage({ dir: 'api', files: ['api.go'] })] });
    assert.deepEqual(readEmbedDirectives(model, () => null), [{ dir: 'web', pattern: '.' }], 'only packages importing embed are read');
  });

  it('keeps vendor/, go.mod, go.sum and package sources; drops candidates that would exclude them', () => {
    const model = makeWorkspaceModel({
      module: makeGoModule({ path: 'example.com/m', hasGoSum: true }),
      hasVendor: true,
      vendor: { dir: '', modules: [] },
      packages: [
        makeGoPackage({ dir: 'bin', name: 'main', isMain: true, files: ['main.go'], module: '', importPath: 'example.com/m/bin' }),
        makeGoPackage({ dir: 'internal/coverage', name: 'coverage', files: ['coverage.out.go'], module: '', importPath: 'example.com/m/internal/coverage' }),
      ],
    });
    const dockerfile = parseDockerfile(df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /app ./bin', 'FROM scratch', 'COPY --from=build /app /app']));
    const g = goDockerignore(model, dockerfile);
    assert.ok(!g.patterns.includes('bin/'), 'bin/ holds the main package');
    assert.deepEqual(g.omitted.map((o) => o.pattern), ['bin/']);
    const ignore = DockerIgnore.parse(g.text);
    for (const p of ['go.mod', 'go.sum', 'vendor/modules.txt', 'bin/main.go', 'internal/coverage/coverage.out.go']) assert.equal(ignore.isIgnored(p), false, p);
  });

  it('contextInputs: named paths, module files under a copied folder, bind-mount sources, sources of the built packages', () => {
    const ws = load('sqlite');
    const dockerfile = parseDockerfile(df([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download',
      'COPY cmd/ ./cmd/',
      'COPY internal ./internal',
      'RUN go build -o /app ./cmd/app',
      'FROM scratch',
      'COPY --from=build /app /app',
    ]));
    const inputs = contextInputs(ws.model, dockerfile);
    const named = inputs.filter((i) => i.kind === 'named').map((i) => i.path);
    assert.deepEqual(named, ['go.sum', 'go.mod', 'cmd', 'internal']);
    const sources = inputs.filter((i) => i.kind === 'source').map((i) => i.path).sort();
    assert.ok(sources.includes('cmd/app/main.go') && sources.includes('internal/store/store.go'), sources.join());
    assert.ok(!sources.includes('cmd/tool/main.go'), 'cmd/tool is not built');
    assert.ok(inputs.some((i) => i.kind === 'possible' && i.path === 'cmd/tool/main.go'));
  });

  it('patternConflict: a pattern below a needed folder, and a pattern matching a needed file', () => {
    const inputs = [{ path: 'web', dir: null, kind: 'embed' as const, what: '//go:embed web in package .', instr: null }];
    assert.equal(patternConflict('web/dist/', inputs)?.path, 'web');
    assert.equal(patternConflict('**/node_modules/', inputs)?.path, 'web', 'web/node_modules may be embedded');
    assert.equal(patternConflict('bin/', inputs), null);
  });

  it('appendLinesEdit: the file\'s own line ending, a missing final break added first, an empty file', () => {
    assert.equal(applyEdits('a\r\nb', [appendLinesEdit('a\r\nb', ['x', 'y'])]), 'a\r\nb\r\nx\r\ny\r\n');
    assert.equal(applyEdits('a\n', [appendLinesEdit('a\n', ['x'])]), 'a\nx\n');
    assert.equal(applyEdits('', [appendLinesEdit('', ['x'])]), 'x\n');
  });
});

describe('builds that read .git (version stamping): GD114 stays silent, the generated file keeps .git', () => {
  function gitProject(files: Record<string, string>): Workspace {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    for (const [rel, text] of Object.entries(files)) write(root, rel, text);
    return load(root);
  }
  const withRun = (run: string) => build().replace('RUN CGO_ENABLED=0 go build -trimpath -o /out/app .', run);

  it('git describe / rev-parse in a RUN after the copy, -buildvcs=true, goreleaser', () => {
    const ws = gitProject({});
    for (const run of [
      'RUN go build -ldflags "-X main.version=$(git describe --tags)" -o /out/app .',
      'RUN VERSION=`git rev-parse --short HEAD` && go build -o /out/app .',
      'RUN git config --global --add safe.directory /src && go build -o /out/app .',
      'RUN go build -buildvcs=true -o /out/app .',
      'RUN goreleaser build --single-target -o /out/app',
    ]) {
      const text = withRun(run);
      assert.deepEqual(find(text, opts(ws), 'GD114'), [], run);
      const [f] = find(text, opts(ws), 'GD305');
      assert.ok(!f.fix!.createFiles![0].text.split('\n').includes('.git'), `${run}: .git kept in the context`);
      assert.doesNotMatch(f.message, /\.git,/);
    }
  });

  it('make: reads the Makefile; a Makefile without git does not count; no Makefile counts as unknown (silent)', () => {
    const run = withRun('RUN make build');
    assert.deepEqual(find(run, opts(gitProject({ Makefile: 'VERSION := $(shell git describe --tags)\nbuild:\n\tgo build -o /out/app .\n' })), 'GD114'), []);
    assert.equal(find(run, opts(gitProject({ Makefile: 'build:\n\tgo build -o /out/app .\n' })), 'GD114').length, 1);
    assert.deepEqual(find(run, opts(gitProject({})), 'GD114'), []);
    const script = withRun('RUN ./scripts/build.sh');
    assert.deepEqual(find(script, opts(gitProject({ 'scripts/build.sh': '#!/bin/sh\nv=$(git describe)\n' })), 'GD114'), []);
    assert.equal(find(script, opts(gitProject({ 'scripts/build.sh': '#!/bin/sh\ngo build -o /out/app .\n' })), 'GD114').length, 1);
  });

  it('make -C DIR -f FILE reads DIR/FILE (make changes folder first), the same tool files GD104 reads for go', () => {
    const run = withRun('RUN make -C build -f release.mk app');
    const GIT = 'V := $(shell git describe --tags)\napp:\n\tgo build -o /out/app ..\n';
    const NO_GIT = 'app:\n\tgo build -o /out/app ..\n';
    assert.deepEqual(find(run, opts(gitProject({ 'build/release.mk': GIT, 'release.mk': NO_GIT })), 'GD114'), []);
    // A release.mk at the root is not the one make reads here.
    assert.equal(find(run, opts(gitProject({ 'build/release.mk': NO_GIT, 'release.mk': GIT })), 'GD114').length, 1);
    assert.deepEqual(find(withRun('RUN make --file release.mk app'), opts(gitProject({ 'release.mk': GIT })), 'GD114'), []);
  });

  it('git clone (another repository) and git in a stage without the context do not count', () => {
    const ws = gitProject({});
    assert.equal(find(withRun('RUN git clone https://example.com/x.git /x && go build -o /out/app .'), opts(ws), 'GD114').length, 1);
    const other = build().replace('FROM golang:1.22 AS build', 'FROM alpine:3.20 AS version\nRUN git describe --tags > /v || true\nFROM golang:1.22 AS build\nCOPY --from=version /v /v');
    assert.equal(find(other, opts(ws), 'GD114').length, 1);
  });
});
