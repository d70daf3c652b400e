import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { emptyChangeSet, namedInputs, parsedInputsTouched } from '../../server/src/workspace/changes';
import { usesCgo } from '../../server/src/workspace/goImports';
import { loadWorkspace, type Workspace } from '../../server/src/workspace/load';
import type { WorkspaceModel } from '../../server/src/workspace/model';
import {
  buildFacts, dependencyFiles, dockerignoreOf, mainPackages, moduleForDir, packageByDir, packageCgoReasons, requiredGoVersion,
  resolvePackageArg,
} from '../../server/src/workspace/query';

const FIX = path.join(__dirname, '../fixtures/workspaces');
const load = (name: string, logs: string[] = []) => loadWorkspace(path.join(FIX, name), { log: (l) => logs.push(l) });

const temps: string[] = [];
function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
}
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function write(root: string, rel: string, text: string | Buffer): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

function pkgDirs(m: WorkspaceModel): string[] {
  return m.packages.map((p) => p.dir);
}

describe('loadWorkspace over the fixtures', () => {
  it('simple module: module, packages, file selection, context', () => {
    const logs: string[] = [];
    const ws = load('simple', logs);
    const m = ws.model;
    assert.equal(m.root, path.join(FIX, 'simple'));
    assert.equal(m.module?.path, 'example.com/simple');
    assert.equal(m.module?.goVersion, '1.22.3');
    assert.equal(m.module?.hasGoSum, true);
    assert.deepEqual(m.module?.requires, ['github.com/google/uuid', 'golang.org/x/text']);
    assert.equal(m.work, null);
    assert.equal(m.hasVendor, false);
    assert.equal(m.truncated, false);
    assert.deepEqual(pkgDirs(m), ['', 'internal/greet']);
    const root = packageByDir(m, '')!;
    assert.equal(root.isMain, true);
    assert.equal(root.importPath, 'example.com/simple');
    assert.deepEqual(root.imports, ['example.com/simple/internal/greet', 'fmt', 'github.com/google/uuid']);
    const greet = packageByDir(m, 'internal/greet')!;
    // greet_test.go (net/http), greet_windows.go and gen.go (//go:build ignore) are not compiled on linux.
    assert.deepEqual(greet.files, ['greet.go']);
    assert.deepEqual(greet.imports, ['strings']);
    assert.equal(greet.isMain, false);
    assert.equal(greet.name, 'greet');
    // testdata/ is never a package, even with import "C"
    assert.equal(m.packages.some((p) => p.usesCgo), false);
    assert.deepEqual(m.dockerignore?.patterns.map((p) => p.pattern), ['.git', 'bin']);
    assert.equal(ws.fileExists('go.sum'), true);
    assert.equal(ws.fileExists('./internal/greet/greet.go'), true);
    assert.equal(ws.fileExists('internal/greet'), false); // a folder, not a file
    assert.equal(ws.dirExists('internal/greet'), true);
    assert.equal(ws.fileExists('nope.go'), false);
    assert.equal(ws.fileExists('../gowork/go.work'), false); // never outside the context
    assert.equal(ws.isIgnored('.git'), true);
    assert.equal(ws.isIgnored('bin/app'), true);
    assert.equal(ws.isIgnored('main.go'), false);
    assert.equal(ws.goFile('main.go')?.hasFuncMain, true);
    const total = fs.readdirSync(path.join(FIX, 'simple'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    assert.equal(m.context.sentFiles, total);
    assert.equal(m.context.excludedFiles, 0);
    assert.equal(m.context.git.kind, null);
    assert.equal(m.context.entries.find((e) => e.name === 'internal')?.sentFiles, 4);
    assert.equal(ws.bytesUnder('internal').files, 4);
    assert.equal(ws.bytesUnder('internal/greet').files, 4);
    assert.equal(ws.fileSize('go.mod'), fs.statSync(path.join(FIX, 'simple/go.mod')).size);
    assert.deepEqual(logs, []);
    assert.deepEqual(dependencyFiles(m), ['go.mod', 'go.sum']);
    assert.equal(resolvePackageArg(m, '.')?.dir, '');
    assert.equal(resolvePackageArg(m, './internal/greet/')?.dir, 'internal/greet');
    assert.equal(resolvePackageArg(m, 'example.com/simple/internal/greet')?.dir, 'internal/greet');
    assert.equal(resolvePackageArg(m, './...'), undefined);
    // the model is plain data
    assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('go.work monorepo: members, main module, versions, closure across members', () => {
    const m = load('gowork').model;
    assert.ok(m.work);
    assert.deepEqual(
      m.work.members.map((x) => [x.dir, x.path, x.use, x.useLine, x.outsideContext, x.goModExists, x.hasGoSum]),
      [
        ['svc/api', 'example.com/api', './svc/api', 6, false, true, true],
        ['lib/shared', 'example.com/shared', './lib/shared', 7, false, true, false],
      ],
    );
    assert.equal(m.work.hasWorkSum, true);
    assert.equal(m.work.goVersion, '1.23');
    assert.equal(m.work.toolchain, 'go1.23.4');
    assert.equal(m.module?.path, 'example.com/api'); // first member (no root go.mod)
    assert.deepEqual(m.modules.map((x) => x.dir), ['lib/shared', 'svc/api']);
    assert.equal(m.module?.replaces[0]?.local, true);
    assert.deepEqual(requiredGoVersion(m), { version: '1.23.1', source: 'go.mod', dir: 'svc/api', line: 3, toolchain: null });
    assert.deepEqual(mainPackages(m).map((p) => p.dir), ['svc/api']);
    const f = buildFacts(m, 'svc/api');
    assert.deepEqual(f.packages, ['lib/shared', 'svc/api']);
    // svc/api only serves (http.ListenAndServe, no client call) and imports no module: no TLS
    // connection (GD202); a client call in the other member would be read across the closure.
    assert.equal(f.usesTls, false);
    assert.deepEqual(f.tls, []);
    assert.equal(f.needsTzdata, true); // LoadLocation lives in the other member
    assert.deepEqual(f.loadLocationIn, ['lib/shared']);
    assert.equal(f.needsCgo, false);
    assert.deepEqual(dependencyFiles(m), ['go.work', 'go.work.sum', 'svc/api/go.mod', 'svc/api/go.sum', 'lib/shared/go.mod']);
    assert.equal(moduleForDir(m, 'lib/shared/sub')?.path, 'example.com/shared');
    assert.equal(moduleForDir(m, 'build'), null);
  });

  it('vendored module: modules.txt parsed, vendor sources never read', () => {
    const ws = load('vendored');
    const m = ws.model;
    assert.equal(m.hasVendor, true);
    assert.equal(m.vendor?.dir, '');
    assert.deepEqual(m.vendor?.modules.map((x) => [x.path, x.explicit]), [['github.com/pkg/errors', true], ['golang.org/x/sys', true]]);
    assert.deepEqual(pkgDirs(m), ['']);
    assert.equal(m.packages.some((p) => p.usesCgo), false);
    // still part of the context
    assert.equal(ws.fileExists('vendor/github.com/pkg/errors/errors.go'), true);
    assert.equal(m.context.entries.find((e) => e.name === 'vendor')?.sentFiles, 2);
  });

  it('cgo module: import "C", and a package with a !cgo fallback', () => {
    const m = load('cgo').model;
    const root = packageByDir(m, '')!;
    assert.equal(root.usesCgo, true);
    assert.equal(root.cgoFallback, false);
    assert.ok(root.imports.includes('C'));
    const fast = packageByDir(m, 'internal/fast')!;
    assert.equal(fast.usesCgo, true);
    assert.equal(fast.cgoFallback, true);
    assert.deepEqual(fast.files, ['fast_cgo.go', 'fast_nocgo.go']);
    assert.equal(usesCgo(fast), false);
    assert.equal(usesCgo(root), true);
    const f = buildFacts(m, '');
    assert.equal(f.needsCgo, true);
    assert.deepEqual(f.cgo, [{ kind: 'import-C', pkg: '' }]);
    assert.deepEqual(f.externalImports, []);
  });

  it('sqlite module: cgo through a known module, per binary', () => {
    const m = load('sqlite').model;
    assert.deepEqual(mainPackages(m).map((p) => p.dir), ['cmd/app', 'cmd/tool']);
    const app = buildFacts(m, 'cmd/app');
    assert.equal(app.needsCgo, true);
    assert.equal(app.cgo[0].kind, 'import');
    assert.deepEqual(app.packages, ['cmd/app', 'internal/store']);
    assert.deepEqual(app.externalImports, ['github.com/mattn/go-sqlite3']);
    const tool = buildFacts(m, 'cmd/tool');
    assert.equal(tool.needsCgo, false); // this binary does not import it
    assert.deepEqual(tool.cgoRequirementHints.map((h) => h.kind === 'requirement' && h.modulePath), ['github.com/mattn/go-sqlite3']);
    // the per-package helper also counts direct requirements of the module (DataDog/zstd is indirect)
    const toolPkg = packageByDir(m, 'cmd/tool')!;
    assert.deepEqual(packageCgoReasons(m, toolPkg).map((r) => r.kind === 'requirement' && r.modulePath), ['github.com/mattn/go-sqlite3']);
    assert.equal(usesCgo(toolPkg, m.module), true);
    assert.equal(usesCgo(toolPkg), false);
  });

  it('Dockerfile in build/package/: the model of the module root', () => {
    const m = load('subfolder').model;
    assert.equal(m.module?.path, 'github.com/example/subfolder');
    assert.deepEqual(mainPackages(m).map((p) => p.importPath), ['github.com/example/subfolder/cmd/server']);
    assert.equal(m.dockerignore, null);
  });

  it('.dockerignore with re-includes: sizes per top-level path and the deciding line', () => {
    const ws = load('dockerignore');
    const m = ws.model;
    const size = (rel: string) => fs.statSync(path.join(FIX, 'dockerignore', rel)).size;
    const sent = ['go.mod', 'go.sum', 'cmd/app/main.go', 'internal/x/x.go', 'keep.log'];
    const excluded = ['.dockerignore', 'notes.txt', 'a.log', 'docs/a.md', 'internal/x/x_test.go', 'internal/x/debug.log'];
    assert.equal(m.context.sentFiles, sent.length);
    assert.equal(m.context.sentBytes, sent.reduce((a, f) => a + size(f), 0));
    assert.equal(m.context.excludedFiles, excluded.length);
    assert.equal(m.context.excludedBytes, excluded.reduce((a, f) => a + size(f), 0));
    const internal = m.context.entries.find((e) => e.name === 'internal')!;
    assert.deepEqual([internal.isDir, internal.sentFiles, internal.excludedFiles], [true, 1, 2]);
    assert.equal(internal.sentBytes, size('internal/x/x.go'));
    assert.equal(m.context.entries[0].name, 'cmd'); // largest sent first
    assert.equal(ws.dockerignore?.explain('internal/x/x_test.go').line, 7);
    assert.equal(dockerignoreOf(m)?.isIgnored('docs/a.md'), true);
    // packages in excluded folders are still modelled (GD306 needs them)
    assert.deepEqual(pkgDirs(m), ['cmd/app', 'internal/x']);
    assert.equal(m.context.partial, false);
  });

  it('TLS client, tzdata users, a module without go.sum', () => {
    assert.equal(buildFacts(load('tls').model, '').usesTls, true);
    const tz = load('tzdata').model;
    assert.equal(buildFacts(tz, 'cmd/clock').needsTzdata, true);
    assert.equal(buildFacts(tz, 'cmd/embedded').needsTzdata, false);
    assert.equal(buildFacts(tz, 'cmd/embedded').importsTzdata, true);
    assert.equal(buildFacts(tz, 'cmd/fixed').needsTzdata, false);
    const nosum = load('nosum').model;
    assert.equal(nosum.module?.hasGoSum, false);
    assert.equal(nosum.module?.goVersion, '1.21.0');
    assert.equal(nosum.module?.toolchain, 'go1.22.1');
    assert.equal(nosum.module?.toolchainVersion, '1.22.1');
    assert.deepEqual(dependencyFiles(nosum), ['go.mod']);
  });

  it('malformed go.mod: loads, keeps what it can, reports errors', () => {
    const m = load('malformed').model;
    assert.equal(m.module?.path, 'example.com/malformed');
    assert.equal(m.module?.goVersion, null);
    assert.ok((m.module?.parseErrors.length ?? 0) > 0);
    assert.deepEqual(pkgDirs(m), ['']);
    assert.equal(requiredGoVersion(m), null);
  });
});

describe('loadWorkspace: bounds', () => {
  it('never follows symlinks out of the workspace (files or folders)', { skip: process.platform === 'win32' }, () => {
    const tmp = tempDir('gd-links-');
    const outside = path.join(tmp, 'outside');
    const ws = path.join(tmp, 'ws');
    write(outside, 'evil.go', 'package main\n\nimport "C"\nimport "net/http"\n');
    write(outside, 'dir/x.go', 'package x\n\nimport "crypto/tls"\n');
    for (let i = 0; i < 20; i++) write(outside, `dir/many/f${i}.txt`, 'x');
    write(ws, 'go.mod', 'module example.com/ws\n\ngo 1.22\n');
    write(ws, 'main.go', 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println() }\n');
    write(ws, 'lib/impl.go', 'package lib\n\nimport "os"\n');
    fs.symlinkSync(path.join(outside, 'evil.go'), path.join(ws, 'link.go'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(ws, 'extdir'));
    fs.symlinkSync('../../outside', path.join(ws, 'lib', 'up'));
    fs.mkdirSync(path.join(ws, 'alias'));
    fs.symlinkSync('../lib/impl.go', path.join(ws, 'alias', 'impl.go')); // inside: read
    fs.symlinkSync(path.join(ws, 'lib'), path.join(ws, 'libdir')); // inside folder: not descended
    fs.symlinkSync(path.join(ws, 'missing.go'), path.join(ws, 'dangling.go'));
    const logs: string[] = [];
    const w = loadWorkspace(ws, { log: (l) => logs.push(l) });
    const m = w.model;
    assert.deepEqual(pkgDirs(m), ['', 'alias', 'lib']);
    const root = packageByDir(m, '')!;
    assert.equal(root.usesCgo, false);
    assert.deepEqual(root.imports, ['fmt']);
    assert.deepEqual(root.files, ['main.go']);
    assert.deepEqual(packageByDir(m, 'alias')?.imports, ['os']);
    assert.equal(w.listFiles().some((f) => f.path.startsWith('extdir/') || f.path.startsWith('lib/up/') || f.path.startsWith('libdir/')), false);
    // the links themselves are part of the context (Docker sends links as links)
    assert.equal(w.fileExists('link.go'), true);
    assert.equal(w.fileExists('extdir'), true);
    assert.equal(w.listFiles().find((f) => f.path === 'link.go')?.symlink, true);
    assert.equal(w.fileExists('extdir/x.go'), false);
    assert.ok(logs.some((l) => /symbolic link\(s\).*outside the workspace/.test(l)), logs.join('\n'));
    // an update naming a path through an outside link is ignored too
    assert.equal(w.update([path.join(ws, 'extdir', 'x.go')]), false);
    assert.equal(w.update([path.join(outside, 'evil.go')]), false);
  });

  it('skips .git, node_modules, vendor sources and testdata for imports; measures .git', () => {
    const tmp = tempDir('gd-skip-');
    write(tmp, 'go.mod', 'module example.com/s\n\ngo 1.22\n');
    write(tmp, 'main.go', 'package main\n\nfunc main() {}\n');
    write(tmp, '.git/HEAD', 'ref: refs/heads/main\n');
    write(tmp, '.git/objects/pack/p.pack', Buffer.alloc(100_000));
    write(tmp, '.git/hooks/x.go', 'package hooks\nimport "C"\n');
    write(tmp, 'node_modules/m/x.go', 'package m\nimport "C"\n');
    write(tmp, 'web/node_modules/m/y.go', 'package m\nimport "C"\n');
    write(tmp, 'vendor/example.com/v/v.go', 'package v\nimport "C"\n');
    write(tmp, 'pkg/testdata/t.go', 'package t\nimport "C"\n');
    write(tmp, '_tools/t.go', 'package t\nimport "C"\n');
    write(tmp, '.hidden/h.go', 'package h\nimport "C"\n');
    write(tmp, 'pkg/p.go', 'package pkg\n');
    const w = loadWorkspace(tmp);
    const m = w.model;
    assert.deepEqual(pkgDirs(m), ['', 'pkg']);
    assert.equal(m.context.git.kind, 'dir');
    assert.equal(m.context.git.excluded, false);
    assert.equal(m.context.git.bytes, 100_000 + 21 + 'package hooks\nimport "C"\n'.length);
    assert.equal(w.fileExists('node_modules/m/x.go'), true);
    assert.equal(w.fileExists('.git/HEAD'), true);
    assert.equal(m.context.partial, false);
  });

  it('does not walk folders .dockerignore wholly excludes, but still answers fileExists', () => {
    const tmp = tempDir('gd-excl-');
    write(tmp, 'go.mod', 'module example.com/e\n\ngo 1.22\n');
    write(tmp, '.dockerignore', '.git\nnode_modules\nvendor\n');
    write(tmp, '.git/objects/big', Buffer.alloc(50_000));
    write(tmp, 'node_modules/a/b.js', 'x');
    write(tmp, 'vendor/modules.txt', '# example.com/x v1.0.0\n## explicit\nexample.com/x\n');
    const w = loadWorkspace(tmp);
    const m = w.model;
    assert.equal(m.context.git.kind, 'dir');
    assert.equal(m.context.git.excluded, true);
    assert.equal(m.context.git.bytes, null); // not walked
    assert.equal(m.context.partial, true);
    assert.deepEqual(m.context.entries.filter((e) => e.notWalked).map((e) => e.name).sort(), ['.git', 'node_modules', 'vendor']);
    assert.equal(w.listFiles().some((f) => f.path.startsWith('.git/') || f.path.startsWith('node_modules/')), false);
    assert.equal(w.fileExists('node_modules/a/b.js'), true);
    assert.equal(w.dirExists('node_modules/a'), true);
    assert.equal(w.fileExists('node_modules/a/nope.js'), false);
    // vendor/modules.txt is still read: GD106 must see that vendor/ is used and excluded
    assert.equal(m.hasVendor, true);
    assert.equal(w.isIgnored('vendor/modules.txt'), true);
  });

  it('.git as a file (worktree or submodule pointer)', () => {
    const tmp = tempDir('gd-gitfile-');
    write(tmp, 'go.mod', 'module example.com/g\n\ngo 1.22\n');
    write(tmp, '.git', 'gitdir: ../.git/worktrees/g\n');
    const m = loadWorkspace(tmp).model;
    assert.equal(m.context.git.kind, 'file');
    assert.equal(m.context.git.bytes, 'gitdir: ../.git/worktrees/g\n'.length);
  });

  it('caps the files read, with one clear log line', () => {
    const tmp = tempDir('gd-cap-');
    write(tmp, 'go.mod', 'module example.com/c\n\ngo 1.22\n');
    for (let i = 0; i < 30; i++) write(tmp, `p${i}/f.go`, `package p${i}\n`);
    const logs: string[] = [];
    const w = loadWorkspace(tmp, { maxFiles: 10, log: (l) => logs.push(l) });
    assert.equal(w.model.truncated, true);
    assert.equal(w.model.context.partial, true);
    assert.equal(w.listFiles().length, 10);
    assert.equal(logs.filter((l) => l.includes('maxFiles')).length, 1);
    assert.match(logs[0], /stopped indexing .* at 10 files \(maxFiles\)/);
    // beyond the cap, fileExists asks the disk
    assert.equal(w.fileExists('p29/f.go'), true);
    assert.equal(w.fileExists('p29/none.go'), false);
  });

  it('an empty or missing folder gives an empty model', () => {
    const tmp = tempDir('gd-empty-');
    const m = loadWorkspace(tmp).model;
    assert.equal(m.module, null);
    assert.deepEqual(m.packages, []);
    assert.equal(m.context.sentFiles, 0);
    const missing = loadWorkspace(path.join(tmp, 'does-not-exist')).model;
    assert.equal(missing.module, null);
  });
});

describe('Workspace.update (incremental)', () => {
  function fresh(): { root: string; w: Workspace } {
    const root = tempDir('gd-upd-');
    write(root, 'go.mod', 'module example.com/u\n\ngo 1.22\n');
    write(root, 'go.sum', '');
    write(root, 'main.go', 'package main\n\nimport "example.com/u/lib"\n\nfunc main() { lib.F() }\n');
    write(root, 'lib/lib.go', 'package lib\n\nimport "fmt"\n\nfunc F() { fmt.Println() }\n');
    write(root, '.git/HEAD', 'ref: refs/heads/main\n');
    return { root, w: loadWorkspace(root) };
  }

  it('an import added to one file changes the package and replaces the model', () => {
    const { root, w } = fresh();
    const before = w.model;
    write(root, 'lib/lib.go', 'package lib\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc F() { fmt.Println(http.Get("https://example.com")) }\n');
    assert.equal(w.update([path.join(root, 'lib/lib.go')]), true);
    assert.notEqual(w.model, before);
    assert.deepEqual(packageByDir(w.model, 'lib')?.imports, ['fmt', 'net/http']);
    assert.deepEqual(packageByDir(before, 'lib')?.imports, ['fmt']); // old snapshot untouched
    assert.deepEqual(w.lastUpdate.changedPackages, ['lib']);
    assert.equal(buildFacts(w.model, '').usesTls, true);
  });

  it('unchanged content: false; a body-only edit: false but sizes follow', () => {
    const { root, w } = fresh();
    assert.equal(w.update([path.join(root, 'lib/lib.go')]), false);
    const sentBefore = w.model.context.sentBytes;
    write(root, 'lib/lib.go', 'package lib\n\nimport "fmt"\n\nfunc F() { fmt.Println("longer body") }\n');
    assert.equal(w.update([path.join(root, 'lib/lib.go')]), false);
    assert.equal(w.lastUpdate.sizesChanged, true);
    assert.equal(w.model.context.sentBytes, sentBefore + '"longer body"'.length);
  });

  it('new files and folders, deletions', () => {
    const { root, w } = fresh();
    write(root, 'cmd/tool/deep/main.go', 'package main\n\nimport "time"\n\nvar _, _ = time.LoadLocation("UTC")\n\nfunc main() {}\n');
    assert.equal(w.update([path.join(root, 'cmd/tool/deep/main.go')]), true);
    assert.equal(packageByDir(w.model, 'cmd/tool/deep')?.isMain, true);
    assert.equal(packageByDir(w.model, 'cmd/tool/deep')?.importPath, 'example.com/u/cmd/tool/deep');
    assert.equal(w.dirExists('cmd/tool'), true);
    fs.rmSync(path.join(root, 'cmd'), { recursive: true });
    assert.equal(w.update([path.join(root, 'cmd')]), true);
    assert.equal(packageByDir(w.model, 'cmd/tool/deep'), undefined);
    assert.equal(w.fileExists('cmd/tool/deep/main.go'), false);
    fs.unlinkSync(path.join(root, 'lib/lib.go'));
    assert.equal(w.update([path.join(root, 'lib/lib.go')]), true);
    assert.equal(packageByDir(w.model, 'lib'), undefined);
    // a new non-Go file changes the file set (fileExists answers differ)
    write(root, 'config.yaml', 'a: 1\n');
    assert.equal(w.update([path.join(root, 'config.yaml')]), true);
    assert.equal(w.fileExists('config.yaml'), true);
  });

  it('listFiles answers are kept between changes and follow every change (sizes, new files, ignore flags, removals)', () => {
    const { root, w } = fresh();
    const first = w.listFiles();
    assert.equal(w.listFiles(), first, 'nothing changed: the same listing');
    const size = (rel: string) => w.listFiles().find((f) => f.path === rel)?.size;
    write(root, 'lib/lib.go', 'package lib\n\nimport "fmt"\n\nfunc F() { fmt.Println("a longer body") }\n');
    w.update([path.join(root, 'lib/lib.go')]);
    assert.equal(size('lib/lib.go'), fs.statSync(path.join(root, 'lib/lib.go')).size);
    assert.deepEqual(w.listFiles('lib').map((f) => f.path), ['lib/lib.go']);
    write(root, 'lib/notes.txt', 'x\n');
    w.update([path.join(root, 'lib/notes.txt')]);
    assert.deepEqual(w.listFiles('lib').map((f) => f.path).sort(), ['lib/lib.go', 'lib/notes.txt']);
    write(root, '.dockerignore', '*.txt\n**/*.txt\n');
    w.update([path.join(root, '.dockerignore')]);
    assert.equal(w.listFiles().find((f) => f.path === 'lib/notes.txt')?.ignored, true);
    fs.rmSync(path.join(root, 'lib'), { recursive: true });
    w.update([path.join(root, 'lib')]);
    assert.deepEqual(w.listFiles('lib'), []);
    assert.equal(w.listFiles().some((f) => f.path.startsWith('lib/')), false);
  });

  it('a folder event re-syncs the folder', () => {
    const { root, w } = fresh();
    write(root, 'lib/extra.go', 'package lib\n\nimport "crypto/tls"\n');
    assert.equal(w.update([path.join(root, 'lib')]), true);
    assert.deepEqual(packageByDir(w.model, 'lib')?.files, ['extra.go', 'lib.go']);
  });

  it('go.mod, go.sum, go.work, vendor/modules.txt and .dockerignore edits', () => {
    const { root, w } = fresh();
    write(root, 'go.mod', 'module example.com/renamed\n\ngo 1.23.2\n');
    assert.equal(w.update([path.join(root, 'go.mod')]), true);
    assert.equal(w.model.module?.goVersion, '1.23.2');
    assert.equal(packageByDir(w.model, 'lib')?.importPath, 'example.com/renamed/lib');
    fs.unlinkSync(path.join(root, 'go.sum'));
    assert.equal(w.update([path.join(root, 'go.sum')]), true);
    assert.equal(w.model.module?.hasGoSum, false);
    write(root, 'go.work', 'go 1.23.2\n\nuse .\n');
    assert.equal(w.update([path.join(root, 'go.work')]), true);
    assert.deepEqual(w.model.work?.members.map((x) => x.dir), ['']);
    write(root, 'vendor/modules.txt', '# example.com/x v1.0.0\n## explicit\n');
    assert.equal(w.update([path.join(root, 'vendor/modules.txt')]), true);
    assert.equal(w.model.hasVendor, true);
    assert.equal(w.isIgnored('lib/lib.go'), false);
    write(root, '.dockerignore', 'lib\n');
    assert.equal(w.update([path.join(root, '.dockerignore')]), true);
    assert.equal(w.isIgnored('lib/lib.go'), true);
    assert.equal(w.model.context.entries.find((e) => e.name === 'lib')?.excludedFiles, 1);
    // a .dockerignore that now excludes .git: .git is no longer walked (reload)
    write(root, '.dockerignore', 'lib\n.git\n');
    assert.equal(w.update([path.join(root, '.dockerignore')]), true);
    assert.equal(w.lastUpdate.reloaded, true);
    assert.equal(w.model.context.git.bytes, null);
  });

  it('churn inside .git and paths outside the root do not count as changes', () => {
    const { root, w } = fresh();
    write(root, '.git/objects/ab/cdef', Buffer.alloc(1000));
    assert.equal(w.update([path.join(root, '.git/objects/ab/cdef')]), false);
    assert.equal(w.lastUpdate.sizesChanged, true);
    assert.equal(w.model.context.git.bytes, 1000 + 'ref: refs/heads/main\n'.length);
    assert.equal(w.update([path.join(os.tmpdir(), 'elsewhere.go')]), false);
    assert.equal(w.update([]), false);
  });

  it('the root itself: full reload', () => {
    const { root, w } = fresh();
    write(root, 'more/m.go', 'package more\n');
    assert.equal(w.update([root]), true);
    assert.equal(w.lastUpdate.reloaded, true);
    assert.ok(packageByDir(w.model, 'more'));
  });
  it('after a batch of edits, the updated model equals a fresh load of the same files', () => {
    const { root, w } = fresh();
    write(root, 'cmd/a/main.go', 'package main\n\nimport "crypto/tls"\n\nfunc main() {}\n');
    write(root, 'lib/sub/go.mod', 'module example.com/sub\n\ngo 1.22\n');
    write(root, 'lib/sub/s.go', 'package sub\n');
    write(root, '.dockerignore', '.git\n*.md\n');
    write(root, 'README.md', '# u\n');
    fs.unlinkSync(path.join(root, 'go.sum'));
    w.update(['cmd/a/main.go', 'lib/sub/go.mod', 'lib/sub/s.go', '.dockerignore', 'README.md', 'go.sum'].map((r) => path.join(root, r)));
    assert.deepEqual(w.model, loadWorkspace(root).model);
  });

  it('the change set: a path\'s name says which parsed inputs to re-read, before any disk read', () => {
    const named = (...rels: string[]) => {
      const cs = emptyChangeSet();
      for (const r of rels) namedInputs(r, cs);
      return cs;
    };
    assert.equal(named('').root, true);
    assert.equal(named('.dockerignore').dockerignore, true);
    assert.equal(named('sub/.dockerignore').dockerignore, false); // only the root one is the context's
    assert.equal(named('a/b/.gitignore').gitignore, true);
    assert.equal(named('go.work.sum').goWork, true);
    assert.equal(named('sub/go.work').goWork, false);
    assert.equal(named('vendor/modules.txt').vendor, true);
    assert.equal(named('vendor').vendor, true);
    assert.equal(named('sub/go.sum').modules, true);
    const plain = named('lib/lib.go', 'README.md');
    assert.deepEqual({ ...plain, packageDirs: [...plain.packageDirs] }, { ...emptyChangeSet(), packageDirs: [] });
    assert.equal(parsedInputsTouched(plain), false);
    assert.equal(parsedInputsTouched(named('go.work')), true);
  });
});
