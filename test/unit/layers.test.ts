import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { parseDockerfile } from '../../server/src/dockerfile/parse';
import { buildLayerModel, excludedBy, formatBytes, formatText, sourceCovers } from '../../server/src/layers';
import { df, ready } from './helpers';
import { FIXTURES, fixtureModel, sizeOf, step, tempContext } from './layers-helpers';
import { webhook } from './rules/kit/azureWorkloadIdentity';

const MB = 1024 * 1024;

before(async () => {
  await ready;
});

describe('layer model: stages and their relations', () => {
  it('chain: FROM-stage and COPY --from edges, the stages the final image needs, the unused one', () => {
    const m = fixtureModel('chain');
    assert.deepEqual(m.stages.map((s) => [s.index, s.name, s.baseStage, s.final, s.reachesFinal, s.inFinalImage]), [
      [0, 'deps', null, false, true, false],
      [1, 'build', 0, false, true, false],
      [2, 'lint', 0, false, false, false],
      [3, 'bin', null, false, true, false],
      [4, 'assets', null, false, true, false],
      [5, null, null, true, true, true],
    ]);
    assert.deepEqual(m.stages[1].dependsOn, [{ stage: 0, via: 'from', line: 11 }]);
    assert.deepEqual(m.stages[3].dependsOn, [{ stage: 1, via: 'copy', line: 22 }]);
    assert.deepEqual(m.stages[5].dependsOn, [{ stage: 4, via: 'copy', line: 32 }, { stage: 3, via: 'copy', line: 33 }]);
    assert.deepEqual(m.stages[0].usedBy, [1, 2]);
    assert.deepEqual(m.stages[2].usedBy, []);
    // ARG-parameterised FROMs resolve with the ARG defaults.
    assert.equal(m.stages[0].base, '${GO_IMAGE}');
    assert.equal(m.stages[0].resolvedBase, 'golang:1.19-bookworm');
    assert.equal(m.stages[5].resolvedBase, 'debian:bookworm-slim');
    assert.deepEqual(m.stages[0].baseImage, { ref: 'golang:1.19-bookworm', known: true, approxBytes: 830 * MB, layers: null });
    assert.equal(m.stages[1].baseImage, null, 'a stage built FROM a stage has no image of its own');
  });

  it('kinds, layers and metadata of every step (FROM is step 1, as builders count)', () => {
    const m = fixtureModel('chain');
    const rows = (i: number) => m.stages[i].layers.map((l) => [l.step, l.keyword, l.kind, l.createsLayer]);
    assert.deepEqual(rows(0), [
      [1, 'FROM', 'base', false],
      [2, 'WORKDIR', 'metadata', false],
      [3, 'ENV', 'metadata', false],
      [4, 'COPY', 'context-copy', true],
      [5, 'RUN', 'module-download', true],
    ]);
    assert.deepEqual(rows(1).map((r) => r[2]), ['base', 'context-copy', 'context-copy', 'go-build']);
    assert.deepEqual(rows(2).map((r) => r[2]), ['base', 'context-copy', 'run']);
    assert.deepEqual(rows(5), [
      [1, 'FROM', 'base', false],
      [2, 'WORKDIR', 'metadata', false],
      [3, 'LABEL', 'metadata', false],
      [4, 'COPY', 'stage-copy', true],
      [5, 'COPY', 'stage-copy', true],
      [6, 'ENV', 'metadata', false],
      [7, 'USER', 'metadata', false],
      [8, 'ENTRYPOINT', 'metadata', false],
    ]);
    assert.match(step(m, 5, 'WORKDIR').note ?? '', /buildah records WORKDIR as an empty history entry/);
    assert.equal(step(m, 5, 'LABEL').estimatedBytes, 0);
    assert.deepEqual(step(m, 5, 'COPY --from=bin').inputs, ['stage:bin']);
    assert.deepEqual(step(m, 'build', 'COPY *.go').inputs, ['context:*.go']);
  });

  it('context files and bytes each COPY sends, after .dockerignore', () => {
    const dir = path.join(FIXTURES, 'chain');
    const m = fixtureModel('chain');
    const goFiles = step(m, 'build', 'COPY *.go');
    assert.equal(goFiles.contextFiles, 1);
    assert.equal(goFiles.contextBytes, sizeOf(dir, 'main.go'));
    assert.equal(goFiles.estimatedBytes, goFiles.contextBytes);
    assert.deepEqual(goFiles.contextTop, [{ path: 'main.go', bytes: sizeOf(dir, 'main.go') }]);
    const internal = step(m, 'build', 'COPY internal/');
    assert.equal(internal.contextBytes, sizeOf(dir, 'internal/greet/greet.go'));
    const all = step(m, 'lint', 'COPY . .');
    // .dockerignore excludes the Dockerfile and itself.
    assert.equal(all.contextFiles, 5);
    assert.equal(all.contextBytes, sizeOf(dir, 'go.mod', 'main.go', 'internal/greet/greet.go', 'static/index.html', 'static/site.css'));
    assert.equal(m.context?.files, 5);
    assert.equal(step(m, 'assets', 'COPY static/').contextFiles, 2);
    // The Go build is an estimate with its basis; a copy of a stage's file that is not its go build output stays unknown, with the reason.
    const build = step(m, 'build', 'RUN go build');
    assert.ok((build.estimatedBytes ?? 0) > 1024 * 1024);
    assert.match(build.estimateBasis, /binary: a Go program .*\+ the Go build cache/);
    assert.equal(step(m, 5, 'COPY --from=bin').estimatedBytes, null);
    assert.match(step(m, 5, 'COPY --from=bin').estimateBasis, /stage bin holds at \/app is known only after a build/);
    assert.equal(step(m, 5, 'COPY --from=bin').contextFiles, null);
  });

  it('scratch: the final image size is known when every layer is; scratch has no layers of its own', () => {
    const dir = path.join(FIXTURES, 'scratch-basic');
    const m = fixtureModel('scratch-basic');
    const copyAll = step(m, 'build', 'COPY . .');
    // README.md is excluded by .dockerignore; the Dockerfile and .dockerignore are sent.
    assert.equal(copyAll.contextFiles, 4);
    assert.equal(copyAll.contextBytes, sizeOf(dir, '.dockerignore', 'Dockerfile', 'go.mod', 'main.go'));
    assert.ok(!copyAll.contextTop.some((f) => f.path === 'README.md'));
    // COPY --from=build /out/app is the binary `go build -o /out/app` makes: estimated, with its basis.
    const bin = step(m, 1, 'COPY --from=build');
    assert.match(bin.estimateBasis, /^the binary built on line 8 \(a Go program/);
    assert.deepEqual(m.finalImage, {
      stage: 1, layers: 1, baseLayers: 0, totalLayers: 1, baseImage: 'scratch', estimatedBytes: bin.estimatedBytes, knownBytes: bin.estimatedBytes, unknownLayers: 0,
      baseCompressedBytes: 0, measuredBytes: null,
    });
    assert.equal(m.stages[1].layers[0].estimatedBytes, 0, 'FROM scratch adds nothing');
  });

  it('a final image made only of known layers has a known size (base image from the table)', () => {
    const ctx = tempContext({
      Dockerfile: df(['FROM alpine:3.20', 'COPY app.txt /app.txt', 'COPY <<EOF /etc/app.conf', 'port=8080', 'EOF', 'ENV A=1']),
      'app.txt': 'x'.repeat(1000),
    });
    try {
      const m = ctx.model();
      assert.equal(m.finalImage.estimatedBytes, 8 * MB + 1000 + 'port=8080\n'.length);
      assert.equal(m.finalImage.layers, 2);
      assert.equal(m.finalImage.totalLayers, null, 'alpine\'s own layer count is not in the table');
      const withLayers = ctx.model({ imageLayers: (ref) => (ref === 'alpine:3.20' ? 1 : null) });
      assert.equal(withLayers.finalImage.totalLayers, 3);
    } finally {
      ctx.dispose();
    }
  });

  it('ARG-parameterised FROM: build args win over defaults; a variable without value leaves the base unknown', () => {
    const m = fixtureModel('scratch-basic', { buildArgs: { GO_IMAGE: 'localhost/golang:1.19-bookworm' } });
    assert.equal(m.stages[0].resolvedBase, 'localhost/golang:1.19-bookworm');
    assert.deepEqual(m.stages[0].baseImage, { ref: 'localhost/golang:1.19-bookworm', known: false, approxBytes: null, layers: null });
    const unknown = buildLayerModel(parseDockerfile(df(['ARG BASE', 'FROM ${BASE}', 'RUN true', 'FROM ${BASE} AS two'])));
    assert.equal(unknown.stages[0].resolvedBase, null);
    assert.equal(unknown.finalImage.baseImage, null);
    assert.ok(unknown.warnings.some((w) => /FROM \$\{BASE\}.*unknown/.test(w)));
    // A FROM naming a stage through an ARG.
    const viaArg = buildLayerModel(parseDockerfile(df(['ARG VARIANT=slim', 'FROM alpine AS build-slim', 'RUN true', 'FROM build-${VARIANT}', 'RUN true'])));
    assert.equal(viaArg.stages[1].baseStage, 0);
    assert.equal(viaArg.finalImage.layers, 2);
    const other = buildLayerModel(parseDockerfile(df(['ARG VARIANT=slim', 'FROM alpine AS build-slim', 'FROM alpine AS build-full', 'FROM build-${VARIANT}'])), { buildArgs: { VARIANT: 'full' } });
    assert.equal(other.stages[2].baseStage, 1);
    assert.deepEqual(other.stages.map((s) => s.reachesFinal), [false, true, true]);
  });

  it('cache mounts are listed and are not context inputs; --target picks the final stage', () => {
    const m = fixtureModel('cachemounts-target', { target: 'runtime' });
    const build = step(m, 'build', 'RUN --mount=type=cache,target=/go/pkg/mod --mount');
    assert.deepEqual(build.cacheMounts, ['/go/pkg/mod', '/root/.cache/go-build']);
    assert.deepEqual(build.inputs, ['cache:/go/pkg/mod', 'cache:/root/.cache/go-build']);
    assert.equal(build.contextFiles, null);
    assert.equal(build.kind, 'go-build');
    assert.equal(step(m, 'build', 'RUN --mount=type=cache,target=/go/pkg/mod go mod').kind, 'module-download');
    assert.deepEqual(m.stages.map((s) => [s.name, s.final, s.reachesFinal]), [['build', false, true], ['runtime', true, true], ['debug', false, false]]);
    assert.equal(m.finalImage.layers, 1);
    // Without --target the last stage is final, and runtime's layers are part of it.
    const all = fixtureModel('cachemounts-target');
    assert.deepEqual(all.stages.map((s) => [s.final, s.reachesFinal, s.inFinalImage]), [[false, true, false], [false, true, true], [true, true, true]]);
    assert.equal(all.finalImage.layers, 2);
    assert.equal(all.finalImage.baseImage, 'debian:bookworm-slim');
    // docs/ is excluded by .dockerignore.
    assert.equal(all.context?.files, 6);
    // A target that does not exist: the last stage, and a warning.
    const missing = fixtureModel('cachemounts-target', { target: 'nope' });
    assert.equal(missing.finalImage.stage, 2);
    assert.ok(missing.warnings.some((w) => w.includes('"nope" not found')));
  });

  it('heredocs: RUN <<EOF is classified by its body, COPY <<EOF is an inline file, lines span the body', () => {
    const m = fixtureModel('heredoc');
    const install = step(m, 'build', 'RUN <<EOT');
    assert.equal(install.kind, 'package-install');
    assert.equal(install.instruction, 'RUN <<EOT …');
    assert.deepEqual([install.line, install.endLine], [4, 8]);
    assert.equal(step(m, 'build', 'RUN <<EOT bash').kind, 'module-download');
    const conf = step(m, 1, 'COPY <<EOT');
    assert.equal(conf.kind, 'inline-copy');
    assert.equal(conf.estimatedBytes, 'port=8080\n'.length);
    assert.deepEqual(conf.inputs, ['heredoc:EOT']);
    assert.equal(conf.contextFiles, null);
    assert.deepEqual([conf.line, conf.endLine], [17, 19]);
    const link = step(m, 'build', 'COPY --link');
    assert.match(link.note ?? '', /--link/);
    assert.equal(m.finalImage.baseImage, 'gcr.io/distroless/static-debian12');
    const binary = step(m, 1, 'COPY --from=build').estimatedBytes ?? 0;
    assert.ok(binary > MB, 'the binary is estimated');
    assert.equal(m.finalImage.knownBytes, 2 * MB + 10 + binary);
    // apt-get update without removing the lists: git from the package table plus the lists left in the layer.
    assert.match(install.estimateBasis, /^git from the package size table; \+ 20 MB of apt lists left in the layer$/);
  });

  it('LSP ranges are 0-based and cover the instruction; lines are 1-based', () => {
    const m = fixtureModel('cachemounts-target');
    const build = step(m, 'build', 'RUN --mount=type=cache,target=/go/pkg/mod --mount');
    assert.deepEqual([build.line, build.endLine], [10, 12]);
    assert.deepEqual(build.range, { start: { line: 9, character: 0 }, end: { line: 11, character: '    CGO_ENABLED=0 go build -o /out/server ./cmd/server'.length } });
    assert.equal(build.instruction, 'RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build CGO_ENABLED=0 go build -o /out/server ./cmd/server');
  });

  it('ADD: URLs are remote, local archives are extracted (size unknown), files are context copies', () => {
    const ctx = tempContext({
      Dockerfile: df(['FROM alpine', 'ADD https://example.com/x.txt /x', 'ADD vendor.tar.gz /opt/', 'ADD conf.txt /etc/conf.txt']),
      'vendor.tar.gz': 'not really a tarball',
      'conf.txt': 'abc',
    });
    try {
      const m = ctx.model();
      assert.deepEqual(m.stages[0].layers.slice(1).map((l) => [l.kind, l.contextFiles, l.estimatedBytes]), [
        ['remote-add', null, null],
        ['context-copy', 1, null],
        ['context-copy', 1, 3],
      ]);
      assert.deepEqual(m.stages[0].layers[1].inputs, ['url:https://example.com/x.txt']);
    } finally {
      ctx.dispose();
    }
  });

  it('a Dockerfile-specific ignore file (Dockerfile.dockerignore) takes precedence over .dockerignore', () => {
    const ctx = tempContext({
      'build/Dockerfile': df(['FROM scratch', 'COPY . /src']),
      'build/Dockerfile.dockerignore': 'secret.txt\nbuild\n',
      '.dockerignore': '*.go\n',
      'go.mod': 'module x\n\ngo 1.19\n',
      'main.go': 'package main\n\nfunc main() {}\n',
      'secret.txt': 'x',
    });
    try {
      const m = ctx.model({}, 'build/Dockerfile');
      const copy = m.stages[0].layers[1];
      assert.deepEqual(copy.contextTop.map((f) => f.path).sort(), ['.dockerignore', 'go.mod', 'main.go']);
    } finally {
      ctx.dispose();
    }
  });

  it('COPY --exclude, globs and variables in sources', () => {
    const ctx = tempContext({
      Dockerfile: df([
        'FROM alpine',
        'ARG DIR=cmd',
        'COPY --exclude=**/*_test.go ${DIR}/ /src/cmd/',
        'COPY cmd/*/main.go /mains/',
        'COPY $UNSET /x/',
      ]),
      'cmd/a/main.go': 'package main\n',
      'cmd/a/main_test.go': 'package main\n',
      'cmd/b/main.go': 'package main\n',
      'cmd/b/util.go': 'package main\n',
    });
    try {
      const m = ctx.model();
      const [, , exclude, mains, unset] = m.stages[0].layers;
      assert.deepEqual(exclude.contextTop.map((f) => f.path).sort(), ['cmd/a/main.go', 'cmd/b/main.go', 'cmd/b/util.go']);
      assert.deepEqual(exclude.inputs, ['context:cmd/', 'arg:DIR']);
      assert.deepEqual(mains.contextTop.map((f) => f.path).sort(), ['cmd/a/main.go', 'cmd/b/main.go']);
      assert.equal(unset.contextFiles, null, 'a source with an unknown variable: the files are unknown');
    } finally {
      ctx.dispose();
    }
  });

  it('COPY --from by index or image, RUN --mount=from: stage dependencies and what the final image needs', () => {
    const m = buildLayerModel(parseDockerfile(df([
      'FROM golang:1.22 AS build',
      'RUN go build -o /out/app .',
      'FROM alpine AS certs',
      'RUN apk add ca-certificates',
      'FROM alpine AS tools',
      'RUN echo tools',
      'FROM scratch',
      'COPY --from=0 /out/app /app',
      'COPY --from=alpine:3.20 /etc/passwd /etc/passwd',
      'RUN --mount=type=bind,from=certs,source=/etc/ssl,target=/ssl true',
    ])));
    assert.deepEqual(m.stages.map((s) => s.reachesFinal), [true, true, false, true]);
    assert.deepEqual(m.stages[3].dependsOn, [{ stage: 0, via: 'copy', line: 8 }, { stage: 1, via: 'mount', line: 10 }]);
    assert.deepEqual(m.stages[3].layers.slice(1).map((l) => [l.kind, l.inputs]), [
      ['stage-copy', ['stage:0']],
      ['image-copy', ['image:alpine:3.20']],
      ['run', ['stage:certs']],
    ]);
    const p = buildLayerModel(parseDockerfile(df(['FROM alpine AS certs', 'RUN apk add ca-certificates', 'FROM scratch', 'RUN --mount=type=bind,from=certs,source=/etc/ssl,target=/ssl true'])), { change: 'dockerfile:2' });
    assert.deepEqual(p.stages[1].layers[1].rebuildReason, { kind: 'stage', stage: 0 });
  });

  it('never throws on odd input: no FROM, only ARGs, a broken COPY', () => {
    for (const text of ['', 'ARG X=1\n', 'RUN echo before from\n', 'FROM\nCOPY\nRUN\n', 'FROM a AS a\nFROM a AS b\nCOPY --from=b x y\n']) {
      const m = buildLayerModel(parseDockerfile(text));
      assert.ok(m.finalImage);
      formatText(m);
    }
    assert.equal(buildLayerModel(parseDockerfile('')).finalImage.stage, -1);
  });

  it('the text report: a table per stage, bytes for people, a summary with cache efficiency', () => {
    const text = formatText(fixtureModel('chain', { changedFiles: ['main.go'] }));
    assert.match(text, /^Stage 0 "deps": FROM golang:1\.19-bookworm \(line 5\) - used by stage "build" \(FROM, line 11\), stage "lint" \(FROM, line 17\)$/m);
    assert.match(text, /^Stage 2 "lint": .* - unused: not built for the final image$/m);
    assert.match(text, /^ {2}STEP {2}LINE {2}KIND +LAYER {2}CONTEXT +ESTIMATED +RE-RUNS +INSTRUCTION$/m);
    assert.match(text, /^ {2}1 +5 +base +- +- +~830 MB +- +FROM \$\{GO_IMAGE\} AS deps$/m);
    assert.match(text, /yes \(main\.go changed\) +COPY \*\.go \.\/$/m);
    assert.match(text, /^Change: main\.go -> 8 of 18 steps re-run \(5 of 10 layers\)$/m);
    assert.match(text, /^Summary: 6 stages \(1 unused: "lint"\), 10 layer steps built, final image 2 layers; cache efficiency 50% \(5 of 10 layer steps reused when main\.go changes\)$/m);
  });

  it('formatBytes', () => {
    assert.deepEqual([0, 512, 1024, 1536, 10 * 1024, 830 * MB, 3 * 1024 * MB].map(formatBytes), ['0 B', '512 B', '1.0 KB', '1.5 KB', '10 KB', '830 MB', '3.0 GB']);
    assert.equal(formatBytes(null), 'unknown');
  });
});

describe('COPY source matching (Docker semantics)', () => {
  it('folders cover what is under them, globs match per segment, `.` covers everything', () => {
    const yes: [string, string][] = [
      ['.', 'a/b.go'], ['./', 'x'], ['/', 'x'], ['cmd', 'cmd/a/main.go'], ['cmd/', 'cmd/a/main.go'], ['./go.mod', 'go.mod'],
      ['*.go', 'main.go'], ['cmd/*/main.go', 'cmd/a/main.go'], ['c?d', 'cmd/x'], ['[a-c]md', 'cmd/x'], ['**/*.go', 'a/b/c.go'], ['*', 'any/thing'],
      ['go.*', 'go.sum'], ['../escape', 'escape'],
    ];
    const no: [string, string][] = [
      ['*.go', 'cmd/main.go'], ['cmd', 'cmdx/main.go'], ['go.mod', 'sub/go.mod'], ['cmd/*/main.go', 'cmd/a/b/main.go'], ['[^c]md', 'cmd/x'],
    ];
    for (const [src, p] of yes) assert.ok(sourceCovers(src, p), `${src} should cover ${p}`);
    for (const [src, p] of no) assert.ok(!sourceCovers(src, p), `${src} should not cover ${p}`);
  });

  it('--exclude matches the path or a folder above it', () => {
    assert.ok(excludedBy(['*_test.go'], 'main_test.go'));
    assert.ok(!excludedBy(['*_test.go'], 'cmd/main_test.go'));
    assert.ok(excludedBy(['**/*_test.go'], 'cmd/main_test.go'));
    assert.ok(excludedBy(['docs'], 'docs/a/b.md'));
  });
});

// Azure/azure-workload-identity 04d01a2 (MIT) docker/webhook.Dockerfile:20 (skeleton:
// test/unit/rules/kit/azureWorkloadIdentity.ts): the Microsoft build of Go 1.26+ keeps its build
// cache in $HOME/.cache/ms-go-build. The estimate reads the path from goCachePaths, as GD107 does
// (it assumed /root/.cache/go-build).
describe('layer estimate: the Go build cache of the Microsoft build of Go (azure-workload-identity webhook.Dockerfile)', () => {
  const basis = (dockerfile: string) => {
    const ctx = tempContext({
      Dockerfile: dockerfile,
      'go.mod': 'module github.com/Azure/azure-workload-identity\n\ngo 1.26.0\n',
      'cmd/webhook/main.go': 'package main\n\nfunc main() {}\n',
    });
    try {
      const build = ctx.model().stages[0].layers.find((l) => l.instruction.includes('go build'));
      assert.ok(build, 'the go build step');
      return build.estimateBasis;
    } finally {
      ctx.dispose();
    }
  };
  const LEFT = /\+ the Go build cache left in the layer/;

  it('04d01a2 webhook.Dockerfile:20 on 1.26.4: the cache is in /root/.cache/ms-go-build; a mount there (or on /root/.cache) keeps it out, one on go-build does not', () => {
    assert.match(basis(webhook()), /no cache mount on \/root\/\.cache\/ms-go-build\)/);
    assert.doesNotMatch(basis(webhook('1.26.4-bookworm', 'RUN --mount=type=cache,target=/root/.cache/ms-go-build')), LEFT);
    assert.doesNotMatch(basis(webhook('1.26.4-bookworm', 'RUN --mount=type=cache,target=/root/.cache')), LEFT);
    assert.match(basis(webhook('1.26.4-bookworm', 'RUN --mount=type=cache,target=/root/.cache/go-build')), /no cache mount on \/root\/\.cache\/ms-go-build\)/);
    assert.match(basis(webhook('1.26.4-bookworm', undefined, ['ENV XDG_CACHE_HOME=/cache'])), /no cache mount on \/cache\/ms-go-build\)/);
  });

  it('go-build before 1.26 and on the golang image; unknown (no path named) where the tag does not tell', () => {
    for (const tag of ['1.25.5-bookworm', 'golang:1.26.4-bookworm']) {
      assert.match(basis(webhook(tag)), /no cache mount on \/root\/\.cache\/go-build\)/, tag);
      assert.doesNotMatch(basis(webhook(tag, 'RUN --mount=type=cache,target=/root/.cache/go-build')), LEFT, tag);
    }
    const unknown = basis(webhook('latest'));
    assert.match(unknown, /no cache mount on it: `go env GOCACHE` says where it is in this image\)/);
    assert.doesNotMatch(unknown, /\/root\/\.cache/);
    for (const target of ['/root/.cache/go-build', '/root/.cache/ms-go-build']) assert.doesNotMatch(basis(webhook('latest', `RUN --mount=type=cache,target=${target}`)), LEFT, target);
  });
});
