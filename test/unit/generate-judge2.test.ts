/**
 * The generator on the failures of the second out-of-sample judgement (/work/coord/judge2,
 * helper-29): each case is a small skeleton of a real repository (file list, go.mod, the ignore
 * file, the import blocks / flag lines / Makefile lines that matter; never the whole tree), with
 * its repository, commit and licence in the comment above it, plus the negative variant.
 *
 * 1. The project's own .dockerignore excludes what the generated build needs (memos, dive):
 *    reported as `existingIgnore.conflicts`; the CLI writes nothing and exits 3.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFor, type GenerateOptions, type GenerateResult } from '../../server/src/generate';
import { loadWorkspace } from '../../server/src/workspace/load';
import { runCli as run } from './cliRun';
import { ready, writeTree } from './helpers';

let tmp: string;
let n = 0;
before(async () => {
  await ready;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-judge2-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  return writeTree(path.join(tmp, `ws-${n++}`), files);
}

async function gen(dir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateFor(loadWorkspace(dir), options);
}

// usememos/memos at 76a762924306e782871204f131f4033be5e8e41a (MIT). go.mod's module and go
// lines; cmd/memos → server → server/router/frontend (`//go:embed dist/*`, dist holds only the
// placeholder index.html); web/package.json's release script writes that dist; .dockerignore
// lines 1-17 as in the repository (line 12: `/web/`).
const MEMOS_IGNORE = '# Build and local output\n/build/\n/bin/\n/tmp/\n/memos\n/memos.exe\ncoverage.out\n/.pnpm-store/\n/.worktrees/\n\n# Not used by the image build\n/web/\n/docs/\n/.github/\n*.md\n/.gitignore\n/.dockerignore\n';
function memos(ignore: string | null): string {
  return workspace({
    'go.mod': 'module github.com/usememos/memos\n\ngo 1.22.0\n',
    'cmd/memos/main.go': 'package main\n\nimport (\n\t"github.com/usememos/memos/server"\n)\n\nfunc main() { server.Run() }\n',
    'server/server.go': 'package server\n\nimport (\n\t"github.com/usememos/memos/server/router/frontend"\n)\n\nfunc Run() { frontend.Serve() }\n',
    'server/router/frontend/frontend.go': 'package frontend\n\nimport (\n\t"embed"\n)\n\n//go:embed dist/*\nvar embeddedFiles embed.FS\n\nfunc Serve() { _ = embeddedFiles }\n',
    'server/router/frontend/dist/index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Memos</title>\n  </head>\n  <body>\n    No embeddable frontend found.\n  </body>\n</html>\n',
    'web/package.json': '{\n  "name": "memos",\n  "private": true,\n  "packageManager": "pnpm@11.0.1",\n  "scripts": {\n    "dev": "vite",\n    "build": "vite build",\n    "release": "vite build --mode release --outDir=../server/router/frontend/dist --emptyOutDir"\n  }\n}\n',
    'web/pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'web/src/main.tsx': 'export {};\n',
    ...(ignore !== null ? { '.dockerignore': ignore } : {}),
  });
}

// wagoodman/dive at d6c691947f8fda635c952a17ee3b7555379d58f0 (MIT). cmd/dive → cmd/dive/cli →
// internal/utils; .dockerignore as in the repository (made for goreleaser's COPY of a prebuilt
// binary: `/cmd` on line 9, `/internal/utils` on line 7).
const DIVE_IGNORE = '/.git\n/.data\n/.cover\n/dist\n!/dist/dive_linux_amd64\n/ui\n/internal/utils\n/image\n/cmd\n/build\ncoverage.txt\n';
function dive(ignore: string | null, ignoreName = '.dockerignore'): string {
  return workspace({
    'go.mod': 'module github.com/wagoodman/dive\n\ngo 1.24\n',
    'cmd/dive/main.go': 'package main\n\nimport (\n\t"github.com/wagoodman/dive/cmd/dive/cli"\n)\n\nconst applicationName = "dive"\n\nfunc main() { cli.Run() }\n',
    'cmd/dive/cli/cli.go': 'package cli\n\nimport (\n\t"github.com/wagoodman/dive/internal/utils"\n)\n\nfunc Run() { utils.Format() }\n',
    'internal/utils/format.go': 'package utils\n\nfunc Format() {}\n',
    ...(ignore !== null ? { [ignoreName]: ignore } : {}),
  });
}

describe('1. the project\'s own .dockerignore against the generated build', () => {
  it('memos: `/web/` excludes the front-end the node stage copies: conflicts name line 12 and the paths', async () => {
    const r = await gen(memos(MEMOS_IGNORE));
    assert.match(r.dockerfile, /COPY web\/package\.json web\/pnpm-lock\.yaml \.\//);
    assert.equal(r.existingIgnore?.path, '.dockerignore');
    assert.deepEqual(r.existingIgnore!.conflicts.map((c) => `${c.line} ${c.pattern} ${c.needs}`), ['12 /web/ web/package.json', '12 /web/ web/pnpm-lock.yaml', '12 /web/ web']);
    assert.match(r.warnings[0], /^The existing \.dockerignore breaks this build: \.dockerignore line 12 `\/web\/` excludes web\/package\.json, web\/pnpm-lock\.yaml, web\. .*Remove or narrow that line/);
  });

  it('memos without `/web/` (or only web/node_modules left out): no conflict; `*.md` and the rest exclude nothing the build needs', async () => {
    for (const ignore of [MEMOS_IGNORE.replace('/web/\n', ''), MEMOS_IGNORE.replace('/web/\n', '/web/node_modules/\n')]) {
      const r = await gen(memos(ignore));
      assert.deepEqual(r.existingIgnore, { path: '.dockerignore', conflicts: [] });
      assert.ok(!r.warnings.some((w) => w.includes('breaks this build')), r.warnings.join('\n'));
    }
    assert.equal((await gen(memos(null))).existingIgnore, null);
  });

  it('dive: `/cmd` and `/internal/utils` exclude the compiled packages\' sources (each package once)', async () => {
    const r = await gen(dive(DIVE_IGNORE));
    assert.equal(r.target.dir, 'cmd/dive');
    assert.deepEqual(r.existingIgnore!.conflicts.map((c) => `${c.line} ${c.needs} (${c.path})`), [
      '9 package cmd/dive (cmd/dive/main.go)', '9 package cmd/dive/cli (cmd/dive/cli/cli.go)', '7 package internal/utils (internal/utils/format.go)',
    ]);
  });

  it('dive: an ignore file excluding only what the Go build does not read is no conflict', async () => {
    const r = await gen(dive('/.git\n/.data\n/dist\n/ui\n/image\ncoverage.txt\n'));
    assert.deepEqual(r.existingIgnore?.conflicts, []);
  });

  it('Dockerfile.dockerignore (BuildKit uses it for a Dockerfile named Dockerfile) is the file checked', async () => {
    const r = await gen(dive(DIVE_IGNORE, 'Dockerfile.dockerignore'));
    assert.equal(r.existingIgnore?.path, 'Dockerfile.dockerignore');
    assert.equal(r.existingIgnore!.conflicts.length, 3);
  });

  it('CLI: writes nothing and exits 3, naming the lines; --stdout prints nothing and exits 3; --force replaces .dockerignore', async () => {
    const dir = memos(MEMOS_IGNORE);
    const w = await run('generate', dir);
    assert.equal(w.code, 3, w.err);
    assert.match(w.err, /the existing .*\.dockerignore excludes what the generated Dockerfile needs, so `docker build` would fail .*Nothing written\./);
    assert.match(w.err, /\.dockerignore line 12 `\/web\/` excludes web\/package\.json/);
    assert.match(w.err, /--force to replace \.dockerignore with the generated one/);
    assert.ok(!fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), MEMOS_IGNORE);

    const s = await run('generate', dir, '--stdout');
    assert.equal(s.code, 3);
    assert.equal(s.out, '');
    assert.match(s.err, /Nothing printed\./);

    const sf = await run('generate', dir, '--stdout', '--force');
    assert.equal(sf.code, 0, sf.err);
    assert.match(sf.out, /^# syntax=docker\/dockerfile:1/);
    assert.match(sf.err, /! The existing \.dockerignore breaks this build/);

    const j = await run('generate', dir, '--format', 'json');
    assert.equal(j.code, 3);
    assert.equal(JSON.parse(j.out).error.code, 'dockerignore-conflict');

    const f = await run('generate', dir, '--force');
    assert.equal(f.code, 0, f.err);
    assert.ok(fs.existsSync(path.join(dir, 'Dockerfile')));
    assert.doesNotMatch(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), /^\/web\/$/m);
    assert.match(f.out, /The existing \.dockerignore is replaced \(--force\): it broke this build/);
    assert.ok(!f.out.includes('Self-check'), f.out);
  });

  it('CLI: a Dockerfile.dockerignore that breaks the build is not fixed by --force (it is not the file written)', async () => {
    const dir = dive(DIVE_IGNORE, 'Dockerfile.dockerignore');
    const f = await run('generate', dir, '--force');
    assert.equal(f.code, 3);
    assert.match(f.err, /Dockerfile\.dockerignore is the file BuildKit uses/);
  });

  it('CLI: an existing .dockerignore that excludes nothing needed is kept and the Dockerfile written (exit 0)', async () => {
    const dir = dive('/.git\n/dist\n');
    const r = await run('generate', dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(dir, '.dockerignore'), 'utf8'), '/.git\n/dist\n');
  });
});
