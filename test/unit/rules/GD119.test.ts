import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as fs from 'node:fs';
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
