import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { has, find, spanText, fix } from './kit/gobuild';

/** GD112 unpinned-go-install: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD112 unpinned-go-install', () => {
  it('finds @latest and moving queries, on the package', () => {
    const t = df(['FROM golang:1.22', 'RUN go install github.com/a/tool@latest && go run github.com/b/gen@master ./x']);
    const fs = find(t, 'GD112');
    assert.deepEqual(fs.map((f) => t.slice(f.span.start, f.span.end)), ['github.com/a/tool@latest', 'github.com/b/gen@master']);
    assert.ok(fs.every((f) => f.severity === 'warning' && !f.fix));
    assert.match(fs[0].message, /@latest/);
  });

  it('resolves the version through ARG defaults', () => {
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION=latest', 'RUN go install github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}']), 'GD112'), true);
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION=v1.23.0', 'RUN go install "github.com/go-delve/delve/cmd/dlv@${DLV_VERSION}"']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'ARG DLV_VERSION', 'RUN go install github.com/go-delve/delve/cmd/dlv@$DLV_VERSION']), 'GD112'), false);
  });

  it('finds a remote package without @version outside a module', () => {
    const t = df(['FROM golang:1.22 AS tools', 'RUN go install golang.org/x/tools/cmd/stringer']);
    assert.equal(spanText(t, 'GD112'), 'golang.org/x/tools/cmd/stringer');
    assert.match(find(t, 'GD112')[0].message, /@version/);
  });

  it('is silent for pinned versions, local packages, go.mod-pinned tools and program arguments', () => {
    assert.equal(has(df(['FROM golang:1.22', 'RUN go install golang.org/x/tools/cmd/stringer@v0.31.0 github.com/a/b@v0.0.0-20240101000000-abcdefabcdef']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go install ./cmd/... && go run . && go run main.go github.com/not/a/package']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'COPY . .', 'RUN go install github.com/golang/mock/mockgen']), 'GD112'), false);
    assert.equal(has(df(['FROM golang:1.22', 'RUN --mount=target=. go run github.com/a/gen']), 'GD112'), false);
  });

  it('honours hadolint DL3062 pragmas', () => {
    assert.equal(has(df(['FROM golang:1.22', '# hadolint ignore=DL3062', 'RUN go install github.com/a/tool@latest']), 'GD112'), false);
  });
});
