import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it, before } from 'node:test';
import { applyEdits } from '../../../server/src/edits/edits';
import { fixAll } from '../../../server/src/fixes/fixAll';
import { df, lint, ready } from '../helpers';
import { ONLY, tmpCopy, write, load, opts, find, build } from './kit/context';

/** GD114 git-metadata-in-context: its own cases (the themed suites beside it test rules together). */
before(() => ready);

describe('GD114 git-metadata-in-context', () => {
  it('reports .git with COPY . . and no .dockerignore; the fix creates .dockerignore with .git', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    write(root, '.git/objects/pack/p.pack', Buffer.alloc(4096));
    const text = build();
    const [f] = find(text, opts(load(root)), 'GD114');
    assert.ok(f, 'GD114 reported');
    assert.equal(f.severity, 'warning');
    assert.equal(text.slice(f.span.start, f.span.end), 'COPY . .');
    assert.match(f.message, /\.git \(4(\.\d)? KB\) is not excluded by \.dockerignore/);
    assert.deepEqual(f.fix?.createFiles, [{ path: '.dockerignore', text: '.git\n' }]);
    assert.deepEqual(f.fix?.edits, []);
    assert.equal(f.fix?.safe, false);
    // After creating the file, the finding is gone.
    write(root, '.dockerignore', f.fix!.createFiles![0].text);
    assert.deepEqual(find(text, opts(load(root)), 'GD114'), []);
  });

  it('with a .dockerignore: the fix appends .git to it (editFiles), adding the missing final line break', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    write(root, '.dockerignore', 'bin/\n*.test');
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.ok(f);
    assert.equal(f.fix?.createFiles, undefined);
    assert.equal(f.fix?.editFiles?.length, 1);
    const { path: rel, edits } = f.fix!.editFiles![0];
    assert.equal(rel, '.dockerignore');
    const next = applyEdits('bin/\n*.test', edits);
    assert.equal(next, 'bin/\n*.test\n.git\n');
    write(root, '.dockerignore', next);
    assert.deepEqual(find(build(), opts(load(root)), 'GD114'), []);
  });

  it('keeps CRLF (and a BOM) in the .dockerignore it edits', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const text = '\uFEFFbin/\r\n';
    write(root, '.dockerignore', text);
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.equal(applyEdits(text, f.fix!.editFiles![0].edits), '\uFEFFbin/\r\n.git\r\n');
  });

  it('a .git file (worktree or submodule pointer) says that go build fails', () => {
    const root = tmpCopy('tls');
    write(root, '.git', 'gitdir: /elsewhere/.git/worktrees/x\n');
    const [f] = find(build(), opts(load(root)), 'GD114');
    assert.match(f.message, /worktree or submodule pointer/);
    assert.match(f.message, /error obtaining VCS status/);
  });

  it('reports a RUN bind mount of the whole context too', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const text = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN --mount=type=bind,target=. go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    const [f] = find(text, opts(load(root)), 'GD114');
    assert.ok(f);
    assert.match(text.slice(f.span.start, f.span.end), /^RUN --mount/);
  });

  it('silent: .git excluded, no .git, no whole-context copy, --exclude=.git, a deliberate !.git, a <Dockerfile>.dockerignore, no workspace', () => {
    const excluded = tmpCopy('simple'); // .dockerignore: .git, bin/
    write(excluded, '.git/HEAD', 'x\n');
    assert.deepEqual(find(build(), opts(load(excluded)), 'GD114'), []);
    assert.deepEqual(find(build(), opts(load('tls')), 'GD114'), [], 'no .git in the context');

    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const ws = load(root);
    const specific = df(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY go.mod main.go ./', 'RUN go build -o /out/app .', 'FROM scratch', 'COPY --from=build /out/app /app']);
    assert.deepEqual(find(specific, opts(ws), 'GD114'), []);
    assert.deepEqual(find(build().replace('COPY . .', 'COPY --exclude=.git . .'), opts(ws), 'GD114'), []);
    assert.deepEqual(lint(build(), { only: ONLY }).filter((f) => f.code === 'GD114'), [], 'no workspace: silent');

    const reincluded = tmpCopy('tls');
    write(reincluded, '.git/HEAD', 'x\n');
    write(reincluded, '.dockerignore', '.*\n!.git\n');
    assert.deepEqual(find(build(), opts(load(reincluded)), 'GD114'), []);

    const own = tmpCopy('tls');
    write(own, '.git/HEAD', 'x\n');
    write(own, 'Dockerfile.dockerignore', '.git\n');
    assert.deepEqual(find(build(), opts(load(own)), 'GD114'), []);
  });

  it('silent when .dockerignore excludes everything in .git (`.git/**`, pufferpanel); reported when it excludes only part of it', () => {
    const all = tmpCopy('tls');
    write(all, '.git/HEAD', 'x\n');
    write(all, '.dockerignore', '.idea/**\n.git/**\n*.syso\n');
    assert.deepEqual(find(build(), opts(load(all)), 'GD114'), []);
    const part = tmpCopy('tls');
    write(part, '.git/HEAD', 'x\n');
    write(part, '.dockerignore', '.git/objects\n');
    assert.equal(find(build(), opts(load(part)), 'GD114').length, 1);
  });

  it('silent when another target reads the repository (distribution vendor.Dockerfile: `--target validate` runs git status)', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    const ws = load(root);
    const targets = (validate: string) => df([
      'FROM golang:1.22-alpine AS base',
      'RUN apk add --no-cache git rsync',
      'WORKDIR /src',
      'FROM base AS validate',
      'RUN --mount=target=/context <<EOT',
      '  set -e',
      '  rsync -a /context/. .',
      `  ${validate}`,
      'EOT',
      'FROM base AS outdated',
      'RUN --mount=target=.,ro go list -mod=readonly -u -m all',
    ]);
    // The last stage (the default target) bind-mounts the whole context and reads no git.
    assert.deepEqual(find(targets('git status --porcelain -- go.mod go.sum vendor'), opts(ws), 'GD114'), []);
    assert.equal(find(targets('go mod verify'), opts(ws), 'GD114').length, 1);
  });

  it('fix-all never applies fixes that edit or create other files', () => {
    const root = tmpCopy('tls');
    write(root, '.git/HEAD', 'x\n');
    write(root, '.dockerignore', 'bin/\n');
    const ws = load(root);
    const text = build();
    assert.ok(find(text, opts(ws), 'GD114')[0]?.fix?.editFiles);
    const o = { workspace: ws.model, files: ws };
    const result = fixAll(text, (t) => lint(t, o));
    assert.ok(!result.applied.some((a) => ['GD114', 'GD305', 'GD307'].includes(a.code)), JSON.stringify(result.applied));
    assert.ok(lint(result.text, o).some((f) => f.code === 'GD114'), 'still reported after fix-all');
  });
});
