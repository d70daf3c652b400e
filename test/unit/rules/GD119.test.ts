import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as nodeFs from 'node:fs'; // `fs` is shadowed by the findings in the cases
import * as path from 'node:path';
import { loadWorkspace } from '../../../server/src/workspace/load';
import { df, ready } from '../helpers';
import { find } from './kit/workspaceGo';
import { tempWorkspace } from './kit/realworld';
import { temps } from './kit/realworld';

/** GD119 package-not-copied: its own cases. */
before(() => ready);
after(() => { for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true }); });

// flyteorg/flyte 6fadb90d (Apache-2.0): one module github.com/flyteorg/flyte/v2 at the root;
// executor/Dockerfile copies go.mod, go.sum, executor/ and gen/, then builds executor/cmd/main.go,
// which imports flytestdlib/… and flyteplugins/… of the same module (trimmed to one of each).
const flyte = () => tempWorkspace({
  'go.mod': 'module github.com/flyteorg/flyte/v2\n\ngo 1.26.5\n\nrequire github.com/spf13/cobra v1.9.1\n',
  'go.sum': '',
  'executor/cmd/main.go': 'package main\n\nimport (\n\t"github.com/flyteorg/flyte/v2/executor/pkg/controller"\n\t"github.com/flyteorg/flyte/v2/flytestdlib/logger"\n)\n\nfunc main() { controller.Run(); logger.Info() }\n',
  'executor/pkg/controller/controller.go': 'package controller\n\nimport "github.com/flyteorg/flyte/v2/gen/go/flyteidl2/core"\n\nfunc Run() { _ = core.X }\n',
  'gen/go/flyteidl2/core/core.go': 'package core\n\nvar X = 1\n',
  'flytestdlib/logger/logger.go': 'package logger\n\nimport "github.com/flyteorg/flyte/v2/flyteplugins/go/tasks/errors"\n\nfunc Info() { _ = errors.E }\n',
  'flyteplugins/go/tasks/errors/errors.go': 'package errors\n\nvar E = 1\n',
  'tools/other/main.go': 'package main\n\nfunc main() {}\n',
});

const executor = (copies: string[], run = 'RUN CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} go build -a -o manager executor/cmd/main.go', pre: string[] = []) => df([
  'FROM golang:1.26.5 AS builder',
  'ARG TARGETOS',
  'ARG TARGETARCH',
  'WORKDIR /workspace',
  'COPY go.mod go.mod',
  'COPY go.sum go.sum',
  'RUN go mod download',
  ...copies,
  ...pre,
  run,
  'FROM gcr.io/distroless/static:nonroot',
  'WORKDIR /',
  'COPY --from=builder /workspace/manager .',
  'USER 65532:65532',
  'ENTRYPOINT ["/manager"]',
]);

describe('GD119 package-not-copied', () => {
  it('reports the go build of flyte executor: it needs flytestdlib and flyteplugins (through it), which no COPY brings in', () => {
    const text = executor(['COPY executor/ executor/', 'COPY gen/ gen/']);
    const fs = find(text, 'GD119', flyte());
    assert.equal(fs.length, 1);
    const [f] = fs;
    assert.equal(f.severity, 'error');
    assert.match(text.slice(f.span.start, f.span.end), /^RUN CGO_ENABLED=0 .* go build -a -o manager executor\/cmd\/main\.go$/);
    assert.match(f.message, /^`go build` compiles github\.com\/flyteorg\/flyte\/v2\/executor\/cmd, which needs `[^`]+`, `[^`]+` of its own module \(imported by it or by its imports\), but no COPY brings those folders into the build: go fails/);
    assert.match(f.message, /`github\.com\/flyteorg\/flyte\/v2\/flytestdlib\/logger`/);
    assert.match(f.message, /`github\.com\/flyteorg\/flyte\/v2\/flyteplugins\/go\/tasks\/errors`/);
    assert.doesNotMatch(f.message, /gen\/go|executor\/pkg|tools\/other/, 'copied packages and packages the build does not need are not named');
    assert.equal(f.fix, undefined);
  });

  it('silent when every needed folder is copied, the whole context is, or a copy cannot be placed (glob, variable)', () => {
    const ws = flyte();
    for (const copies of [
      ['COPY executor/ executor/', 'COPY gen/ gen/', 'COPY flytestdlib/ flytestdlib/', 'COPY flyteplugins flyteplugins'],
      ['COPY . .'],
      ['COPY ./ /workspace/'],
      ['COPY executor/ executor/', 'COPY gen/ gen/', 'COPY fly* ./'],
      ['COPY executor/ executor/', 'COPY gen/ gen/', 'COPY ${EXTRA} ./'],
    ]) assert.deepEqual(find(executor(copies), 'GD119', ws), [], copies.join(' | '));
    // A bind mount of the whole context is a copy too.
    const bind = executor(['COPY executor/ executor/'], 'RUN --mount=type=bind,target=. go build -o manager executor/cmd/main.go');
    assert.deepEqual(find(bind, 'GD119', ws), []);
  });

  it('silent when something before the build could write the sources: generators, scripts, clones, another stage', () => {
    const ws = flyte();
    const copies = ['COPY executor/ executor/', 'COPY gen/ gen/'];
    for (const pre of [['RUN make generate'], ['RUN go generate ./...'], ['RUN ./hack/vendor-libs.sh'], ['RUN git clone https://example.com/flyte.git /tmp/f && cp -r /tmp/f/flytestdlib .'],
      ['COPY --from=gen /out/flytestdlib flytestdlib'], ['ADD https://example.com/flytestdlib.tar.gz /tmp/']]) {
      assert.deepEqual(find(executor(copies, undefined, pre), 'GD119', ws), [], pre[0]);
    }
    assert.deepEqual(find(executor(copies, 'RUN make generate && go build -o manager executor/cmd/main.go'), 'GD119', ws), []);
    // Package installs and module downloads write no sources: still reported.
    assert.equal(find(executor(copies, undefined, ['RUN apt-get update && apt-get install -y git', 'RUN go mod verify']), 'GD119', ws).length, 1);
    // xx's go (dockerfile/facts.ts isGoProgram) is go: its cache warm-up writes no sources either (lxkns's `RUN xx-go build std`).
    assert.equal(find(executor(copies, undefined, ['RUN xx-go build std']), 'GD119', ws).length, 1);
    assert.deepEqual(find(executor(copies, undefined, ['RUN xx-go generate ./...']), 'GD119', ws), []);
  });

  it('silent for packages of another module (the proxy may serve them), unresolved builds and without a workspace', () => {
    const multi = tempWorkspace({
      'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v1.0.0\n',
      'go.sum': '',
      'cmd/app/main.go': 'package main\n\nimport "example.com/lib/util"\n\nfunc main() { util.Do() }\n',
      'lib/go.mod': 'module example.com/lib\n\ngo 1.22\n',
      'lib/util/util.go': 'package util\n\nfunc Do() {}\n',
    });
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY cmd/ cmd/', 'RUN go build -o /app ./cmd/app', 'FROM scratch', 'COPY --from=build /app /app']);
    assert.deepEqual(find(text, 'GD119', multi), []);
    const ws = flyte();
    assert.deepEqual(find(executor(['COPY executor/ executor/'], 'RUN go build -o manager $PKG'), 'GD119', ws), []);
    assert.deepEqual(find(executor(['COPY executor/ executor/', 'COPY gen/ gen/']), 'GD119'), []);
  });
});

// mongodb/mongodb-atlas-kubernetes 3fb4fa5d (Apache-2.0): Dockerfile.post-install copies go.mod,
// go.sum, cmd/post-install/main.go, pkg/ and the Makefile, then `RUN make post-install-hook`, whose
// recipe (Makefile:491-493) is a plain `go build … cmd/post-install/main.go` and a chmod; main.go
// imports api, api/v1 and internal/kube of the same module, which no COPY brings (trimmed).
const ATLAS_MAKEFILE = [
  'SHELL := /usr/bin/env bash',
  'JQ ?= jq',
  'VERSION_FILE=version.json',
  'CURRENT_VERSION := $(shell $(JQ) -r .current $(VERSION_FILE))',
  'ifndef TARGET_OS',
  'TARGET_OS := $(shell go env GOOS)',
  'endif',
  '',
  '.PHONY: all',
  'all: manager',
  '',
  'bin/$(TARGET_OS)/manager: bin/$(TARGET_OS)',
  '\tgo build -o $@ cmd/main.go',
  '',
  '.PHONY: generate',
  'generate: controller-gen',
  '\t$(CONTROLLER_GEN) object paths="./api/..."',
  '',
  '.PHONY: post-install-hook',
  'post-install-hook:',
  '\tGOARCH=amd64 GOOS=linux CGO_ENABLED=0 go build -o bin/helm-post-install cmd/post-install/main.go',
  '\tchmod +x bin/helm-post-install',
  '',
].join('\n');
const atlas = (makefile = ATLAS_MAKEFILE) => tempWorkspace({
  'go.mod': 'module github.com/mongodb/mongodb-atlas-kubernetes/v2\n\ngo 1.26.5\n\nrequire go.uber.org/zap v1.27.0\n',
  'go.sum': '',
  'Makefile': makefile,
  'cmd/post-install/main.go': 'package main\n\nimport (\n\t"go.uber.org/zap"\n\n\t"github.com/mongodb/mongodb-atlas-kubernetes/v2/api"\n\takov2 "github.com/mongodb/mongodb-atlas-kubernetes/v2/api/v1"\n\t"github.com/mongodb/mongodb-atlas-kubernetes/v2/internal/kube"\n)\n\nfunc main() { _ = zap.L; _ = api.X; _ = akov2.Y; kube.Z() }\n',
  'api/api.go': 'package api\n\nvar X = 1\n',
  'api/v1/v1.go': 'package v1\n\nvar Y = 1\n',
  'internal/kube/kube.go': 'package kube\n\nfunc Z() {}\n',
  'pkg/ratelimit/r.go': 'package ratelimit\n',
  'hack/licenses/THIRD-PARTY.txt': 'licences\n',
});
const postInstall = (run = 'RUN make post-install-hook', copies = ['COPY cmd/post-install/main.go cmd/post-install/main.go', 'COPY pkg/ pkg/', 'COPY Makefile Makefile'], workdir = '/workspace') => df([
  'FROM golang:1.26.5 as builder',
  'ENV CGO_ENABLED=0',
  'ENV GOOS=linux',
  'ENV GOARCH=amd64',
  `WORKDIR ${workdir}`,
  'COPY go.mod go.mod',
  'COPY go.sum go.sum',
  'RUN go mod download',
  ...copies,
  'COPY hack/licenses licenses',
  run,
  'FROM busybox',
  'WORKDIR /',
  'COPY --from=builder /workspace/bin/helm-post-install .',
  'ENTRYPOINT ["/helm-post-install"]',
]);

describe('GD119 package-not-copied: a go build in a make recipe', () => {
  it('reports `make post-install-hook` of atlas: its recipe builds cmd/post-install, which needs api, api/v1 and internal/kube', () => {
    const text = postInstall();
    const fs = find(text, 'GD119', atlas());
    assert.equal(fs.length, 1);
    const [f] = fs;
    assert.equal(text.slice(f.span.start, f.span.end), 'RUN make post-install-hook');
    assert.match(f.message, /^`go build` in the recipe of `make post-install-hook` \(Makefile:21\) compiles github\.com\/mongodb\/mongodb-atlas-kubernetes\/v2\/cmd\/post-install, which needs /);
    for (const p of ['api', 'api/v1', 'internal/kube']) assert.match(f.message, new RegExp(`\`github\\.com/mongodb/mongodb-atlas-kubernetes/v2/${p}\``));
    assert.doesNotMatch(f.message, /pkg\/ratelimit/);
  });

  it('follows make -C (the Makefile and the build move there), a prerequisite target, make variables and the first target', () => {
    const ws = atlas();
    // make -C: the same recipe, read from the folder the RUN names.
    assert.equal(find(postInstall('RUN cd / && make -C workspace post-install-hook'), 'GD119', ws).length, 1);
    assert.equal(find(postInstall('RUN make --directory=/workspace post-install-hook'), 'GD119', ws).length, 1);
    // The Makefile of the folder make moves to is not there.
    assert.deepEqual(find(postInstall('RUN make -C cmd post-install-hook'), 'GD119', ws), []);
    const mk = (recipe: string[], pre = '') => atlas([
      'GO := go', 'OUT = bin', 'MAIN = cmd/post-install/main.go', '',
      '.PHONY: hook dirs', `hook: dirs${pre}`, ...recipe, '', 'dirs:', '\t@mkdir -p $(OUT)', '',
    ].join('\n'));
    const f = find(postInstall('RUN make'), 'GD119', mk(['\t$(GO) build -o $(OUT)/helm-post-install ${MAIN}']));
    assert.equal(f.length, 1, 'no target: the first one');
    assert.match(f[0].message, /in the recipe of `make hook` \(Makefile:7\)/);
  });

  it('silent when the recipe could write sources or is not known: go generate, a script, $(MAKE) of an unknown target, an unknown target, a dynamic package', () => {
    const gen = (line: string) => atlas(ATLAS_MAKEFILE.replace('\tchmod +x bin/helm-post-install', `\tchmod +x bin/helm-post-install\n`).replace('post-install-hook:\n', `post-install-hook:\n${line}\n`));
    for (const line of ['\tgo generate ./...', '\t./hack/gen-api.sh', '\tbash hack/gen.sh', '\tprotoc --go_out=. api.proto', '\t$(MAKE) codegen', '\tcd api; ./gen.sh', '\tcp -r third_party/api api', '\techo "package api" > api/api.go', '\t$(CONTROLLER_GEN) object']) {
      assert.deepEqual(find(postInstall(), 'GD119', gen(line)), [], line);
    }
    // A prerequisite whose recipe runs a generator.
    assert.deepEqual(find(postInstall(), 'GD119', atlas(ATLAS_MAKEFILE.replace('post-install-hook:\n', 'post-install-hook: generate\n'))), []);
    assert.deepEqual(find(postInstall('RUN make no-such-target'), 'GD119', atlas()), []);
    assert.deepEqual(find(postInstall('RUN make $TARGET'), 'GD119', atlas()), []);
    // A `-` line or `|| true`: make goes on when go fails.
    assert.deepEqual(find(postInstall(), 'GD119', atlas(ATLAS_MAKEFILE.replace('\tGOARCH=amd64', '\t-GOARCH=amd64'))), []);
    assert.deepEqual(find(postInstall(), 'GD119', atlas(ATLAS_MAKEFILE.replace('post-install/main.go\n', 'post-install/main.go || true\n'))), []);
    // An `include`d file may add anything.
    assert.deepEqual(find(postInstall(), 'GD119', atlas(`include common.mk\n${ATLAS_MAKEFILE}`)), []);
    // `cd api && go build ./...` is followed (dockerfile/makeRecipe.ts): the recipe is known, and
    // the post-install build still lacks api (the cd fails first, for the same missing folder).
    assert.equal(find(postInstall(), 'GD119', gen('\tcd api && go build ./...')).length, 1);
    // A recipe inside a conditional.
    assert.deepEqual(find(postInstall(), 'GD119', atlas(ATLAS_MAKEFILE.replace('\tchmod', 'ifdef X\n\tchmod').replace('helm-post-install\n\n', 'helm-post-install\nendif\n\n'))), []);
  });

  // tikv/pd a186e0cc (Apache-2.0), Makefile:122-123: `make pd-ctl` runs
  // `cd tools && … go build -o $(BUILD_BIN_PATH)/pd-ctl pd-ctl/main.go`, a main package of the
  // tools module (tools/go.mod) whose command package is tools/pd-ctl/pdctl (trimmed).
  it('follows `cd tools &&` of a recipe line: the build compiles tools/pd-ctl (tikv/pd)', () => {
    const ws = tempWorkspace({
      'go.mod': 'module github.com/tikv/pd\n\ngo 1.25\n',
      'server/server.go': 'package server\n',
      'tools/go.mod': 'module github.com/tikv/pd/tools\n\ngo 1.25\n',
      'tools/pd-ctl/main.go': 'package main\n\nimport "github.com/tikv/pd/tools/pd-ctl/pdctl"\n\nfunc main() { pdctl.MainStart() }\n',
      'tools/pd-ctl/pdctl/ctl.go': 'package pdctl\n\nfunc MainStart() {}\n',
      'Makefile': 'BUILD_BIN_PATH := /go/src/github.com/tikv/pd/bin\n.PHONY: pd-ctl\npd-ctl:\n\tcd tools && CGO_ENABLED=0 go build -o $(BUILD_BIN_PATH)/pd-ctl pd-ctl/main.go\n',
    });
    const pd = (copies: string[]) => df(['FROM golang:1.25-alpine AS builder', 'WORKDIR /go/src/github.com/tikv/pd', 'COPY go.mod .', ...copies, 'COPY Makefile .', 'RUN make pd-ctl',
      'FROM alpine:3.17', 'COPY --from=builder /go/src/github.com/tikv/pd/bin/pd-ctl /pd-ctl', 'ENTRYPOINT ["/pd-ctl"]']);
    const fs1 = find(pd(['COPY tools/go.mod tools/', 'COPY tools/pd-ctl/main.go tools/pd-ctl/']), 'GD119', ws);
    assert.equal(fs1.length, 1);
    assert.match(fs1[0].message, /^`go build` in the recipe of `make pd-ctl` \(Makefile:4\) compiles github\.com\/tikv\/pd\/tools\/pd-ctl, which needs `github\.com\/tikv\/pd\/tools\/pd-ctl\/pdctl`/);
    // The tools folder copied whole: silent.
    assert.deepEqual(find(pd(['COPY tools/ tools/']), 'GD119', ws), []);
  });

  it('silent when the Makefile is not in the builder, and when every package is copied', () => {
    const ws = atlas();
    assert.deepEqual(find(postInstall(undefined, ['COPY cmd/post-install/main.go cmd/post-install/main.go', 'COPY pkg/ pkg/']), 'GD119', ws), []);
    // Copied elsewhere than where make runs.
    assert.deepEqual(find(postInstall(undefined, ['COPY cmd/post-install/main.go cmd/post-install/main.go', 'COPY Makefile /tmp/Makefile']), 'GD119', ws), []);
    assert.deepEqual(find(postInstall(undefined, ['COPY cmd/ cmd/', 'COPY api/ api/', 'COPY internal/ internal/', 'COPY pkg/ pkg/', 'COPY Makefile Makefile']), 'GD119', ws), []);
    assert.deepEqual(find(postInstall(undefined, ['COPY . .']), 'GD119', ws), []);
  });
});

// rudderlabs/rudder-server f2655fb (Elastic-2.0): the warehouse benchmark's Dockerfile (built from the
// repository root) copies the whole context and builds ./warehouse/transformer/benchmark/main.go,
// but the program moved to processor/internal/transformer/destination_transformer/embedded/
// warehouse/benchmark/main.go (beside the Dockerfile); warehouse/ still exists with other packages.
// Files trimmed to the import blocks; .dockerignore as in the repository (judge 22 X).
const BENCH = 'processor/internal/transformer/destination_transformer/embedded/warehouse/benchmark';
const rudder = (extra: Record<string, string> = {}) => tempWorkspace({
  'go.mod': 'module github.com/rudderlabs/rudder-server\n\ngo 1.26.5\n\nrequire github.com/google/uuid v1.6.0\n',
  'go.sum': '',
  '.dockerignore': '**/.git\n.env\n.vscode\n.dockerignore\ncmd/benchmark/Dockerfile\n',
  'main.go': 'package main\n\nimport "github.com/rudderlabs/rudder-server/warehouse"\n\nfunc main() { warehouse.Start() }\n',
  'warehouse/app.go': 'package warehouse\n\nfunc Start() {}\n',
  'warehouse/router/router.go': 'package router\n',
  [`${BENCH}/main.go`]: 'package main\n\nimport (\n\t"github.com/google/uuid"\n\n\twtrans "github.com/rudderlabs/rudder-server/processor/internal/transformer/destination_transformer/embedded/warehouse"\n)\n\nfunc main() { _ = uuid.New; _ = wtrans.X }\n',
  [`${BENCH}/../transformer.go`]: 'package warehouse\n\nvar X = 1\n',
  [`${BENCH}/Dockerfile`]: 'FROM golang:1.25.5-alpine3.23\n',
  ...extra,
});
const bench = (build = 'LDFLAGS="-swX" go build -o warehouse-transformer-benchmark ./warehouse/transformer/benchmark/main.go', pre: string[] = [], copy = 'COPY . .') => df([
  'FROM golang:1.25.5-alpine3.23',
  'WORKDIR /app',
  copy,
  ...pre,
  'RUN go mod download &&  \\',
  `    ${build}`,
  '',
  'FROM alpine:3.23',
  'WORKDIR /app',
  'COPY --from=builder /app/warehouse-transformer-benchmark .',
  'ENTRYPOINT ["/app/warehouse-transformer-benchmark"]',
]);

describe('GD119 package-not-copied: a path the context does not have', () => {
  it('reports rudder-server\'s build of ./warehouse/transformer/benchmark/main.go after `COPY . .`: the program moved', () => {
    const text = bench();
    const fs = find(text, 'GD119', rudder());
    assert.equal(fs.length, 1);
    const [f] = fs;
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), './warehouse/transformer/benchmark/main.go');
    assert.match(f.message, /^`go build` builds `\.\/warehouse\/transformer\/benchmark\/main\.go`, which is not in the build context: `COPY \. \.` on line 3 copies the whole context to \/app, and the context has no warehouse\/transformer\/benchmark\/main\.go/);
    assert.equal(f.fix, undefined);
    // The stage has no name (GD123): the rule reads every stage, not only those the final stage needs.
  });

  it('reports a missing folder, a file path without ./, go install, and a bind mount of the whole context', () => {
    const ws = rudder();
    assert.equal(find(bench('go build -o /app/b ./warehouse/transformer/benchmark'), 'GD119', ws).length, 1);
    assert.equal(find(bench('go build -o /app/b warehouse/transformer/benchmark/main.go'), 'GD119', ws).length, 1);
    assert.equal(find(bench('cd warehouse && go install ./transformer/benchmark'), 'GD119', ws).length, 1);
    const bind = df(['FROM golang:1.25.5-alpine3.23', 'WORKDIR /app', 'RUN --mount=type=bind,target=. go build -o /out/b ./warehouse/transformer/benchmark/main.go']);
    assert.match(find(bind, 'GD119', ws)[0]?.message ?? '', /the RUN mounts the whole context to \/app/);
    // Package installs and module downloads before it write nothing.
    assert.equal(find(bench(undefined, ['RUN apk add --no-cache git make', 'RUN go mod verify']), 'GD119', ws).length, 1);
  });

  it('silent when the path is there: the real location, a folder, . and patterns', () => {
    const ws = rudder();
    for (const build of [`go build -o b ./${BENCH}/main.go`, `go build -o b ./${BENCH}`, 'go build -o b .', 'go build ./warehouse/...', 'go build ./warehouse/router', `cd ${BENCH} && go build -o /app/b .`]) {
      assert.deepEqual(find(bench(build), 'GD119', ws), [], build);
    }
  });

  it('silent when something before the build could make the path: a generator, a script, make, a clone, a download, another stage, a redirect, another COPY', () => {
    const ws = rudder();
    for (const pre of [
      ['RUN go generate ./...'], ['RUN ./scripts/gen.sh'], ['RUN make generate'], ['RUN git clone https://example.com/w.git warehouse/transformer'],
      ['RUN curl -fsSLo warehouse/transformer/benchmark/main.go https://example.com/main.go'], ['RUN wget -q https://example.com/w.tgz'],
      ['COPY --from=gen /out/ ./warehouse/'], ['RUN mkdir -p warehouse/transformer/benchmark && echo "package main" > warehouse/transformer/benchmark/main.go'],
      [`COPY ${BENCH}/main.go ./warehouse/transformer/benchmark/main.go`], [`COPY ${BENCH} ./warehouse/transformer/benchmark`], ['COPY rootfs/ /'],
      ['RUN cp -r processor/x warehouse/transformer'], ['ADD https://example.com/w.tar.gz /app/warehouse/'],
    ]) assert.deepEqual(find(bench(undefined, pre), 'GD119', ws), [], pre[0]);
    // In the same RUN, before the build.
    assert.deepEqual(find(bench('./gen.sh && go build -o b ./warehouse/transformer/benchmark/main.go'), 'GD119', ws), []);
  });

  it('silent without a whole-context copy there, with an unknown folder, a variable, .dockerignore, a linked folder, or a context without the module\'s sources', () => {
    const ws = rudder();
    // Only some folders copied: GD119's first check (packages not copied) decides; the path is not "missing from the context".
    assert.deepEqual(find(bench(undefined, [], 'COPY go.mod go.sum ./'), 'GD119', ws), []);
    assert.deepEqual(find(bench(undefined, [], 'COPY . /src'), 'GD119', ws), [], 'the context is in /src, the build runs in /app');
    assert.deepEqual(find(bench('go build -o b ./warehouse/$PKG/main.go'), 'GD119', ws), []);
    assert.deepEqual(find(bench('cd "$DIR" && go build -o b ./warehouse/transformer/benchmark/main.go'), 'GD119', ws), []);
    // Excluded by .dockerignore: GD306 speaks for an excluded input.
    const ignored = rudder({ '.dockerignore': 'warehouse/transformer\n', 'warehouse/transformer/benchmark/main.go': 'package main\n\nfunc main() {}\n' });
    assert.deepEqual(find(bench(), 'GD119', ignored), []);
    // A context of go.mod alone (a wrong --context): nothing of the module's sources to judge by.
    const stub = tempWorkspace({ 'go.mod': 'module github.com/rudderlabs/rudder-server\n\ngo 1.26.5\n' });
    assert.deepEqual(find(bench(), 'GD119', stub), []);
    // warehouse/transformer a link (Docker sends the link; the index does not follow it).
    rudder();
    const root = temps[temps.length - 1];
    nodeFs.symlinkSync(path.join(root, 'processor/internal/transformer/destination_transformer/embedded'), path.join(root, 'warehouse/transformer'));
    const reloaded = loadWorkspace(root);
    assert.deepEqual(find(bench(), 'GD119', { workspace: reloaded.model, files: reloaded }), []);
    // Outside every module of the context.
    const nomod = tempWorkspace({ 'app/go.mod': 'module example.com/app\n\ngo 1.22\n', 'app/main.go': 'package main\n\nfunc main() {}\n' });
    assert.deepEqual(find(bench(), 'GD119', nomod), []);
  });
});

// Judge 31 Y W3. liftbridge-io/liftbridge 50ac358b41eba51e695105436589958f8c4794d8 (Apache-2.0)
// docker/dev-standalone/Dockerfile:1-6 (the EXPOSE, VOLUME, config COPY lines trimmed). `go install
// …@master` fetches the module at that version through the module proxy and ignores the context:
// nothing of it needs a COPY. Skeleton: go.mod (`module github.com/liftbridge-io/liftbridge`, no
// replace), main.go importing server, server/server.go importing server/commitlog.
describe('GD119: a package named at a version does not come from the context (liftbridge)', () => {
  const liftbridge = () => tempWorkspace({
    'go.mod': 'module github.com/liftbridge-io/liftbridge\n\ngo 1.25.3\n\nrequire github.com/urfave/cli v1.22.16\n',
    'go.sum': '',
    'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\n\t"github.com/urfave/cli"\n\n\t"github.com/liftbridge-io/liftbridge/server"\n)\n\nfunc main() {}\n',
    'server/server.go': 'package server\n\nimport (\n\t"github.com/liftbridge-io/liftbridge/server/commitlog"\n)\n',
    'server/commitlog/commitlog.go': 'package commitlog\n',
  }, 'docker/dev-standalone/Dockerfile');
  const standalone = (pkg = 'github.com/liftbridge-io/liftbridge@master') => df([
    'FROM golang:1.25-alpine as build-base',
    '',
    `RUN go install ${pkg}`,
    '',
    'FROM alpine:latest',
    'COPY --from=build-base /go/bin/liftbridge /usr/local/bin/liftbridge',
    'ENTRYPOINT ["liftbridge", "-c", "liftbridge.yaml"]',
  ]);

  it('liftbridge 50ac358: silent on `go install github.com/liftbridge-io/liftbridge@master` (and at any version)', () => {
    const o = liftbridge();
    for (const v of ['@master', '@v1.9.0', '@latest']) assert.deepEqual(find(standalone(`github.com/liftbridge-io/liftbridge${v}`), 'GD119', o), [], v);
  });

  it('liftbridge: the module\'s own package without a version is still reported (go builds it from the sources, which no COPY brings in)', () => {
    const fs = find(standalone('github.com/liftbridge-io/liftbridge'), 'GD119', liftbridge());
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /`go install` compiles github\.com\/liftbridge-io\/liftbridge, which needs .*`github\.com\/liftbridge-io\/liftbridge\/server`/);
  });
});
