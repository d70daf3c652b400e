import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { df, ready } from '../helpers';
import { find, has } from './kit/workspaceGo';
import { tempWorkspace } from './kit/realworld';

/** GD124 replace-target-not-copied: its own cases. */
before(() => ready);

// ory/oathkeeper 024fbb5 (Apache-2.0): go.mod (lines 1-8, 44-45: two local replaces, both
// required), .dockerignore, and .docker/Dockerfile-build lines 2-19. The dependency layer copies
// go.mod, go.sum and oryx/go.mod, not middleware/rpctest/go.mod: `go mod download` fails with
// "reading middleware/rpctest/go.mod: no such file or directory" (judge23 X reproduced it).
const GO_MOD = [
  'module github.com/ory/oathkeeper',
  '',
  'go 1.26',
  '',
  'replace (',
  '\tgithub.com/ory/rpctest => ./middleware/rpctest',
  '\tgithub.com/ory/x => ./oryx',
  ')',
  '',
  'require (',
  '\tgithub.com/ory/rpctest v0.0.0-00010101000000-000000000000',
  '\tgithub.com/ory/x v0.0.729',
  ')',
  '',
].join('\n');

const oathkeeper = (over: Record<string, string> = {}) => tempWorkspace({
  'go.mod': GO_MOD,
  'go.sum': '',
  '.dockerignore': 'vendor/\nnode_modules\ndist/\n',
  'main.go': 'package main\n\nimport "github.com/ory/oathkeeper/cmd"\n\nfunc main() { cmd.Execute() }\n',
  'cmd/root.go': 'package cmd\n\nimport "github.com/ory/x/cmdx"\n\nfunc Execute() { _ = cmdx.Version }\n',
  'oryx/go.mod': 'module github.com/ory/x\n\ngo 1.26\n',
  'oryx/go.sum': '',
  'oryx/cmdx/version.go': 'package cmdx\n\nvar Version = ""\n',
  'middleware/rpctest/go.mod': 'module github.com/ory/rpctest\n\ngo 1.26\n',
  'middleware/rpctest/go.sum': '',
  'middleware/rpctest/rpctest.go': 'package rpctest\n',
  ...over,
});

const build = (layer: string[], after: string[] = ['COPY . .', '', 'RUN go build -o /usr/bin/oathkeeper .']) => df([
  '# Workaround for https://github.com/GoogleContainerTools/distroless/issues/1342',
  'FROM golang:1.26-trixie AS builder',
  '',
  'WORKDIR /go/src/github.com/ory/oathkeeper',
  '',
  'RUN apt-get update && apt-get upgrade -y',
  '',
  ...layer,
  '',
  'ENV CGO_ENABLED=0',
  '',
  'RUN go mod download',
  '',
  ...after,
  '',
  '#########################',
  '',
  'FROM gcr.io/distroless/static-debian12:nonroot AS runner',
  'COPY --from=builder --chown=nonroot:nonroot /usr/bin/oathkeeper /usr/bin/oathkeeper',
  'ENTRYPOINT ["oathkeeper"]',
  'CMD ["serve"]',
]);
const LAYER = ['COPY go.mod go.mod', 'COPY go.sum go.sum', 'COPY oryx/go.mod oryx/go.mod', 'COPY oryx/go.sum proto/go.sum'];

describe('GD124 replace-target-not-copied', () => {
  it('oathkeeper: the download misses middleware/rpctest/go.mod, an error on the go command naming the COPY that brings it', () => {
    const text = build(LAYER);
    const fs = find(text, 'GD124', oathkeeper());
    assert.equal(fs.length, 1);
    assert.equal(fs[0].severity, 'error');
    assert.equal(text.slice(fs[0].span.start, fs[0].span.end), 'go mod download');
    assert.match(fs[0].message, /replace github\.com\/ory\/rpctest => \.\/middleware\/rpctest/);
    assert.match(fs[0].message, /\/go\/src\/github\.com\/ory\/oathkeeper\/middleware\/rpctest\/go\.mod/);
    assert.match(fs[0].message, /`COPY middleware\/rpctest\/go\.mod middleware\/rpctest\/`/);
    assert.equal(fs[0].fix, undefined);
  });

  it('is silent once the target go.mod is copied (file, folder, whole context), or the download comes after `COPY . .`', () => {
    for (const copy of ['COPY middleware/rpctest/go.mod middleware/rpctest/go.mod', 'COPY middleware/rpctest/go.mod middleware/rpctest/', 'COPY middleware/ middleware/', 'COPY middleware/rpctest/go.mod /go/src/github.com/ory/oathkeeper/middleware/rpctest/']) {
      assert.equal(has(build([...LAYER, copy]), 'GD124', oathkeeper()), false, copy);
    }
    assert.equal(has(build(['COPY . .']), 'GD124', oathkeeper()), false);
    // No workspace: nothing known.
    assert.equal(has(build(LAYER), 'GD124'), false);
  });

  it('reports a .dockerignore that keeps the target out, even behind `COPY . .`', () => {
    const ws = oathkeeper({ '.dockerignore': 'vendor/\nnode_modules\ndist/\nmiddleware/\n' });
    const [f] = find(build(['COPY . .']), 'GD124', ws);
    assert.ok(f);
    assert.match(f.message, /\.dockerignore keeps middleware\/rpctest\/go\.mod out/);
  });

  it('is silent where go would not read it: an unrequired replace, a vendored module, -mod=vendor, pkg@version, a target outside the context', () => {
    const unrequired = GO_MOD.replace('\tgithub.com/ory/rpctest v0.0.0-00010101000000-000000000000\n', '');
    assert.equal(has(build(LAYER), 'GD124', oathkeeper({ 'go.mod': unrequired })), false);
    assert.equal(has(build(LAYER), 'GD124', oathkeeper({ 'vendor/modules.txt': '# github.com/ory/x v0.0.729 => ./oryx\n## explicit\n' })), false);
    assert.equal(has(build(LAYER).replace('RUN go mod download', 'RUN go install github.com/go-delve/delve/cmd/dlv@v1.23.1'), 'GD124', oathkeeper()), false);
    const outside = GO_MOD.replace('./middleware/rpctest', '../rpctest');
    assert.equal(has(build(LAYER), 'GD124', oathkeeper({ 'go.mod': outside })), false);
  });

  it('is silent where something else may have put it there: a bind mount, COPY --from, a glob, a RUN naming the folder or git', () => {
    const ws = oathkeeper();
    assert.equal(has(build(LAYER).replace('RUN go mod download', 'RUN --mount=type=bind,target=. go mod download'), 'GD124', ws), false);
    assert.equal(has(build([...LAYER, 'COPY --from=deps /src/middleware middleware']), 'GD124', ws), false);
    assert.equal(has(build([...LAYER, 'COPY */*/go.mod ./']), 'GD124', ws), false);
    assert.equal(has(build([...LAYER, 'RUN mkdir -p middleware/rpctest && printf "module github.com/ory/rpctest\\n" > middleware/rpctest/go.mod']), 'GD124', ws), false);
    assert.equal(has(build(LAYER).replace('RUN go mod download', 'RUN git submodule update --init && go mod download'), 'GD124', ws), false);
  });

  it('a build: reported when the module imports the replaced module and its folder is missing; silent when it imports none of it', () => {
    const importing = oathkeeper({ 'cmd/rpc.go': 'package cmd\n\nimport _ "github.com/ory/rpctest"\n' });
    const only = (layer: string[]) => df(['FROM golang:1.26-trixie AS builder', 'WORKDIR /src', ...layer, 'RUN go build -o /out/app .']);
    const layer = ['COPY go.mod go.sum ./', 'COPY oryx/ oryx/', 'COPY main.go ./', 'COPY cmd/ cmd/'];
    assert.equal(has(only(layer), 'GD124', importing), true);
    assert.equal(has(only(layer), 'GD124', oathkeeper()), false);
    assert.equal(has(only([...layer, 'COPY middleware/rpctest/ middleware/rpctest/']), 'GD124', importing), false);
    // -mod=vendor reads vendor/modules.txt, not the replaced module's go.mod.
    assert.equal(has(only(layer).replace('go build', 'go build -mod=vendor'), 'GD124', importing), false);
    // Installing git is no checkout: still reported.
    assert.equal(has(only(['RUN apt-get update && apt-get install -y git', ...layer]), 'GD124', importing), true);
  });

  it('follows the folder the command runs in: a cd into another module (no replace there) is silent', () => {
    const ws = oathkeeper();
    assert.equal(has(build([...LAYER, 'COPY middleware/rpctest/go.mod /other/go.mod']).replace('RUN go mod download', 'RUN cd /other && go mod download'), 'GD124', ws), false);
    // A go.mod at the WORKDIR's parent counts as the module's (nearest folder above).
    assert.equal(has(df(['FROM golang:1.26', 'WORKDIR /src', ...LAYER, 'WORKDIR /src/cmd', 'RUN go mod download']), 'GD124', ws), true);
  });
});
