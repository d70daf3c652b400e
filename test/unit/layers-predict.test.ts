import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { buildLayerModel } from '../../server/src/layers';
import { df, ready } from './helpers';
import { FIXTURES, fixtureModel, rebuilt, step, tempContext } from './layers-helpers';

before(async () => {
  await ready;
});

describe('rebuild prediction: changed files', () => {
  it('chain, main.go: the first invalidated step and all after it, through FROM and COPY --from chains', () => {
    const m = fixtureModel('chain', { changedFiles: ['main.go'] });
    assert.deepEqual(rebuilt(m), [
      'build: COPY *.go ./',
      'build: COPY internal/ ./internal/',
      'build: RUN go build -o /out/app .',
      'bin: COPY --from=build /out/app /app',
      '5: COPY --from=bin /app /srv/chain/app',
      '5: ENV APP_MODE=prod',
      '5: USER 65532',
      '5: ENTRYPOINT ["/srv/chain/app"]',
    ]);
    assert.deepEqual(step(m, 'build', 'COPY *.go').rebuildReason, { kind: 'files', files: ['main.go'] });
    assert.deepEqual(step(m, 'build', 'RUN go build').rebuildReason, { kind: 'after', line: 12 });
    assert.deepEqual(step(m, 'bin', 'COPY --from=build').rebuildReason, { kind: 'stage', stage: 1 });
    assert.deepEqual(m.stages.map((s) => s.rebuilt), [false, true, false, true, false, true]);
    assert.deepEqual({ ...m.change, category: undefined }, {
      category: undefined, files: ['main.go'], dockerfileLines: [], args: [], ignored: [], rebuiltSteps: 8, totalSteps: 18, rebuiltLayers: 5, totalLayers: 10,
    });
  });

  it('chain, go.mod: the whole stage built FROM the invalidated one re-runs; unrelated branches keep their cache', () => {
    const m = fixtureModel('chain', { changedFiles: ['go.mod'] });
    assert.deepEqual(rebuilt(m), [
      'deps: COPY go.mod ./',
      'deps: RUN go mod download',
      'build: COPY *.go ./',
      'build: COPY internal/ ./internal/',
      'build: RUN go build -o /out/app .',
      'bin: COPY --from=build /out/app /app',
      '5: COPY --from=bin /app /srv/chain/app',
      '5: ENV APP_MODE=prod',
      '5: USER 65532',
      '5: ENTRYPOINT ["/srv/chain/app"]',
    ]);
    assert.deepEqual(step(m, 'build', 'COPY *.go').rebuildReason, { kind: 'base', stage: 0, line: 11 });
    // The lint stage reads go.mod too, but nothing builds it.
    assert.equal(step(m, 'lint', 'COPY . .').rebuilt, false);
  });

  it('chain, a static file: only the assets branch and what copies from it', () => {
    const m = fixtureModel('chain', { changedFiles: ['static/site.css'] });
    assert.deepEqual(rebuilt(m), [
      'assets: COPY static/ ./static/',
      'assets: RUN ls -R /assets > /assets/index.txt',
      '5: COPY --from=assets /assets /srv/chain/assets',
      '5: COPY --from=bin /app /srv/chain/app',
      '5: ENV APP_MODE=prod',
      '5: USER 65532',
      '5: ENTRYPOINT ["/srv/chain/app"]',
    ]);
  });

  it('files excluded by .dockerignore, outside the context, or read by nothing change nothing', () => {
    const m = fixtureModel('scratch-basic', { changedFiles: ['README.md', '../elsewhere.go', '/etc/passwd'] });
    assert.deepEqual(rebuilt(m), []);
    assert.deepEqual(m.change?.ignored, ['README.md', '../elsewhere.go', '/etc/passwd']);
    assert.deepEqual(m.change?.files, []);
    // `COPY . .` copies every sent file: a new file too.
    const added = fixtureModel('scratch-basic', { changedFiles: ['notes/new.txt'] });
    assert.deepEqual(rebuilt(added), ['build: COPY . .', 'build: RUN CGO_ENABLED=0 go build -trimpath -o /out/app .', '1: COPY --from=build /out/app /app', '1: USER 65532', '1: ENTRYPOINT ["/app"]']);
  });

  it('absolute paths and file: URIs inside the context are context paths', () => {
    const abs = path.join(FIXTURES, 'chain', 'internal', 'greet', 'greet.go');
    for (const p of [abs, pathToFileURL(abs).href]) {
      const m = fixtureModel('chain', { changedFiles: [p] });
      assert.deepEqual(m.change?.files, ['internal/greet/greet.go']);
      assert.deepEqual(step(m, 'build', 'COPY internal/').rebuildReason, { kind: 'files', files: ['internal/greet/greet.go'] });
      assert.equal(step(m, 'build', 'COPY *.go').rebuilt, false);
    }
  });

  it('--target: stages the target does not need never re-run', () => {
    const m = fixtureModel('cachemounts-target', { target: 'runtime', change: 'go' });
    assert.deepEqual(m.change?.files, ['cmd/server/main.go']);
    assert.deepEqual(rebuilt(m), [
      'build: COPY cmd/ ./cmd/',
      'build: COPY internal/ ./internal/',
      'build: RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -o /out/server ./cmd/server',
      'runtime: COPY --from=build /out/server /usr/local/bin/server',
      'runtime: USER 65532:65532',
      'runtime: ENTRYPOINT ["/usr/local/bin/server"]',
    ]);
    // Without --target, debug is built FROM runtime and re-runs whole.
    const all = fixtureModel('cachemounts-target', { change: 'go' });
    assert.deepEqual(step(all, 'debug', 'RUN echo debug').rebuildReason, { kind: 'base', stage: 1, line: 19 });
  });

  it('cache mounts do not make a RUN depend on files; bind mounts of the context do (BuildKit)', () => {
    const cache = fixtureModel('cachemounts-target', { changedFiles: ['go.mod'], target: 'runtime' });
    assert.deepEqual(step(cache, 'build', 'RUN --mount=type=cache,target=/go/pkg/mod go mod').rebuildReason, { kind: 'after', line: 6 });
    const bind = fixtureModel('bindmount', { changedFiles: ['main.go'] });
    const run = step(bind, 'build', 'RUN --mount=type=bind');
    assert.deepEqual(run.rebuildReason, { kind: 'files', files: ['main.go'] });
    assert.deepEqual(run.inputs, ['bind:.', 'cache:/root/.cache/go-build']);
    assert.match(run.note ?? '', /buildah 1\.28 ignores their content/);
    assert.equal(run.contextFiles, 3);
    assert.deepEqual(rebuilt(bind).slice(1), ['1: COPY --from=build /out/app /app', '1: ENTRYPOINT ["/app"]']);
    // A bind mount of one file depends on that file only.
    const ctx = tempContext({
      Dockerfile: df(['FROM golang:1.22', 'WORKDIR /src', 'RUN --mount=type=bind,source=go.mod,target=go.mod go mod download', 'COPY . .']),
      'go.mod': 'module x\n\ngo 1.22\n',
      'main.go': 'package main\n',
    });
    try {
      assert.deepEqual(rebuilt(ctx.model({ changedFiles: ['main.go'] })), ['0: COPY . .']);
      assert.deepEqual(rebuilt(ctx.model({ changedFiles: ['go.mod'] })), ['0: RUN --mount=type=bind,source=go.mod,target=go.mod go mod download', '0: COPY . .']);
    } finally {
      ctx.dispose();
    }
  });

  it('COPY --link keeps its layer when only earlier steps re-run; the steps after it still re-run', () => {
    const m = fixtureModel('heredoc', { changedFiles: ['go.mod'] });
    const link = step(m, 'build', 'COPY --link');
    assert.deepEqual(link.rebuildReason, { kind: 'files', files: ['go.mod'] }, 'it copies go.mod itself');
    const ctx = tempContext({
      Dockerfile: df(['FROM alpine', 'COPY a.txt /a', 'COPY --link b.txt /b', 'RUN cat /a /b']),
      'a.txt': 'a',
      'b.txt': 'b',
    });
    try {
      assert.deepEqual(rebuilt(ctx.model({ changedFiles: ['a.txt'] })), ['0: COPY a.txt /a', '0: RUN cat /a /b']);
    } finally {
      ctx.dispose();
    }
  });

  it('heredoc RUN and COPY <<EOF do not depend on context files', () => {
    const m = fixtureModel('heredoc', { changedFiles: ['main.go'] });
    assert.deepEqual(rebuilt(m), [
      'build: COPY --link . .',
      'build: RUN go build -o /out/app .',
      '1: COPY --from=build /out/app /app',
      '1: ENTRYPOINT ["/app"]',
    ]);
  });
});

describe('rebuild prediction: categories', () => {
  it('go: a .go file of a main package; gomod: the go.mod/go.sum that exist', () => {
    const go = fixtureModel('chain', { change: 'go' });
    assert.deepEqual(go.change?.files, ['main.go']);
    assert.equal(go.change?.category, 'go');
    const mod = fixtureModel('chain', { change: 'gomod' });
    assert.deepEqual(mod.change?.files, ['go.mod'], 'no go.sum in a module without requirements');
    assert.equal(step(mod, 'deps', 'COPY go.mod').rebuilt, true);
  });

  it('dockerfile:N re-runs that step and all after it, and COPY . . when the Dockerfile is sent', () => {
    // chain's .dockerignore excludes the Dockerfile: only the edited step and what follows.
    const m = fixtureModel('chain', { change: 'dockerfile:31' });
    assert.deepEqual(rebuilt(m), [
      '5: LABEL org.opencontainers.image.title=chain',
      '5: COPY --from=assets /assets /srv/chain/assets',
      '5: COPY --from=bin /app /srv/chain/app',
      '5: ENV APP_MODE=prod',
      '5: USER 65532',
      '5: ENTRYPOINT ["/srv/chain/app"]',
    ]);
    assert.deepEqual(m.change?.files, []);
    assert.deepEqual(m.change?.ignored, ['Dockerfile']);
    assert.deepEqual(step(m, 5, 'LABEL').rebuildReason, { kind: 'dockerfile', line: 31 });
    // scratch-basic sends its Dockerfile: editing the last line re-runs `COPY . .` as well.
    const basic = fixtureModel('scratch-basic', { change: 'dockerfile:13' });
    assert.deepEqual(rebuilt(basic), [
      'build: COPY . .',
      'build: RUN CGO_ENABLED=0 go build -trimpath -o /out/app .',
      '1: COPY --from=build /out/app /app',
      '1: USER 65532',
      '1: ENTRYPOINT ["/app"]',
    ]);
    assert.deepEqual(step(basic, 'build', 'COPY . .').rebuildReason, { kind: 'files', files: ['Dockerfile'] });
    // A line in the middle of a multi-line instruction belongs to it.
    const mid = fixtureModel('cachemounts-target', { change: 'dockerfile:11', target: 'runtime' });
    assert.equal(step(mid, 'build', 'RUN --mount=type=cache,target=/go/pkg/mod --mount').rebuildReason?.kind, 'dockerfile');
    // A comment or blank line changes nothing the builder reads (but the file itself).
    assert.deepEqual(rebuilt(fixtureModel('chain', { change: 'dockerfile:1' })), []);
  });

  it('dockerfile:N on a FROM line re-runs the stage and everything that depends on it', () => {
    const m = fixtureModel('chain', { change: 'dockerfile:21' });
    assert.deepEqual(rebuilt(m), [
      'bin: COPY --from=build /out/app /app',
      '5: COPY --from=bin /app /srv/chain/app',
      '5: ENV APP_MODE=prod',
      '5: USER 65532',
      '5: ENTRYPOINT ["/srv/chain/app"]',
    ]);
    assert.deepEqual(step(m, 'bin', 'COPY').rebuildReason, { kind: 'dockerfile', line: 21 });
  });

  it('a global ARG used in FROM: every stage on it re-runs (edit of the ARG line or arg:NAME)', () => {
    for (const change of ['dockerfile:3', 'arg:RUNTIME_IMAGE']) {
      const m = fixtureModel('chain', { change });
      assert.deepEqual(m.stages.map((s) => s.rebuilt), [false, false, false, false, true, true], change);
      assert.equal(step(m, 'assets', 'WORKDIR').rebuilt, true);
    }
  });

  it('arg:NAME: the first use after the stage declares it (any RUN, or an instruction expanding it)', () => {
    const text = df([
      'ARG VERSION=dev',
      'FROM golang:1.22 AS build',
      'ARG VERSION',
      'WORKDIR /src',
      'COPY . .',
      'RUN go build -ldflags "-X main.v=${VERSION}" -o /app .',
      'FROM alpine AS other',
      'RUN echo no VERSION declared here',
      'FROM alpine',
      'ARG VERSION',
      'ENV APP_VERSION=$VERSION',
      'LABEL x=y',
      'COPY --from=build /app /app',
    ]);
    const m = buildLayerModel(parseDockerfile(text), { change: 'arg:VERSION' });
    assert.deepEqual(rebuilt(m), [
      'build: RUN go build -ldflags "-X main.v=${VERSION}" -o /app .',
      '2: ENV APP_VERSION=$VERSION',
      '2: LABEL x=y',
      '2: COPY --from=build /app /app',
    ]);
    assert.deepEqual(step(m, 'build', 'RUN').rebuildReason, { kind: 'arg', name: 'VERSION' });
    assert.deepEqual(step(m, 'build', 'RUN').inputs, ['arg:VERSION']);
    // A RUN sees every declared ARG, used or not (buildah agrees: its first RUN after the ARG misses).
    const unused = buildLayerModel(parseDockerfile(df(['FROM alpine', 'ARG V=1', 'WORKDIR /x', 'RUN true', 'RUN echo'])), { change: 'arg:V' });
    assert.deepEqual(rebuilt(unused), ['0: RUN true', '0: RUN echo']);
  });

  it('unknown categories and lines are reported, not guessed', () => {
    const m = fixtureModel('chain', { change: 'weather' });
    assert.deepEqual(rebuilt(m), []);
    assert.ok(m.warnings.some((w) => w.includes('unknown change "weather"')));
    const far = fixtureModel('chain', { change: 'dockerfile:999' });
    assert.ok(far.warnings.some((w) => w.includes('no such line')));
  });

  it('without a change nothing is marked, and change is null', () => {
    const m = fixtureModel('chain');
    assert.equal(m.change, null);
    assert.deepEqual(rebuilt(m), []);
  });
});

describe('cache efficiency: the share of layer steps reused when one .go file changes', () => {
  it('per fixture', () => {
    const cases: [string, string | undefined, number, number, string][] = [
      ['chain', undefined, 5, 10, 'main.go'],
      ['scratch-basic', undefined, 2, 5, 'main.go'],
      ['cachemounts-target', 'runtime', 2, 6, 'cmd/server/main.go'],
      ['bindmount', undefined, 0, 2, 'main.go'],
    ];
    for (const [name, target, reused, total, file] of cases) {
      const m = fixtureModel(name, { target });
      assert.deepEqual(m.cacheEfficiencyDetail, { file, reused, total }, name);
      assert.equal(m.cacheEfficiency, reused / total);
    }
  });

  it('a Dockerfile that copies go.mod first keeps its module download', () => {
    const good = buildLayerModel(parseDockerfile(df(['FROM golang:1.22', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .', 'RUN go build -o /app .'])));
    const bad = buildLayerModel(parseDockerfile(df(['FROM golang:1.22', 'COPY . .', 'RUN go mod download', 'RUN go build -o /app .'])));
    assert.equal(good.cacheEfficiency, 2 / 4);
    assert.equal(bad.cacheEfficiency, 0);
    assert.equal(buildLayerModel(parseDockerfile(df(['FROM scratch', 'ENV A=1']))).cacheEfficiency, null);
  });
});
