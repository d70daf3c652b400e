/**
 * The generator on round-5 images that built but did not work (/work/coord/judge4/{A,B}/generator.tsv):
 * each case is a small skeleton of a real repository, with its repository, commit and licence
 * above it, plus the variant that keeps the old behaviour where it is right.
 *
 * 1. A main package in a folder with a generic name (tg-spam's ./app) builds a binary named after
 *    the module, not `app`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFor, type GenerateOptions, type GenerateResult } from '../../server/src/generate';
import { loadWorkspace } from '../../server/src/workspace/load';
import { ready, writeTree } from './helpers';

let tmp: string;
let n = 0;
before(async () => {
  await ready;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-judge4-run-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  return writeTree(path.join(tmp, `ws-${n++}`), files);
}

async function gen(dir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  return generateFor(loadWorkspace(dir), options);
}

const mainGo = 'package main\n\nfunc main() {}\n';

describe('1. the binary of a main package in a generic folder', () => {
  // umputun/tg-spam at e14d516ef36b766d614080b01dc92b7dce5ee790 (MIT): the only main package is
  // app/main.go; the project's image names the binary tg-spam.
  it('tg-spam: app/ builds the binary tg-spam', async () => {
    const r = await gen(workspace({ 'go.mod': 'module github.com/umputun/tg-spam\n\ngo 1.23\n', 'app/main.go': mainGo }));
    assert.equal(r.target.binary, 'tg-spam');
    assert.match(r.dockerfile, /-o \/out\/tg-spam \.\/app$/m);
    assert.match(r.dockerfile, /^ENTRYPOINT \["\/usr\/local\/bin\/tg-spam"\]$/m);
    assert.ok(r.reasons.some((x) => x.includes('named `tg-spam` after the module')));
    // --package still takes the folder.
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/umputun/tg-spam\n\ngo 1.23\n', 'app/main.go': mainGo }), { package: 'app' })).target.binary, 'tg-spam');
  });

  it('a module with a /vN suffix: cmd/main builds the binary named after the element before it', async () => {
    const r = await gen(workspace({ 'go.mod': 'module example.com/acme/tool/v2\n\ngo 1.23\n', 'cmd/main/main.go': mainGo }));
    assert.equal(r.target.binary, 'tool');
  });

  // siderolabs/talos at its judge3 snapshot (MPL-2.0): internal/app/machined/pkg/system/services/registry/app
  // is a main package; the nearest named folder above it names it.
  it('talos-like: a generic folder deep in the module takes the nearest named folder above it', async () => {
    const r = await gen(workspace({ 'go.mod': 'module github.com/siderolabs/talos\n\ngo 1.23\n', 'internal/app/machined/pkg/system/services/registry/app/main.go': mainGo }));
    assert.equal(r.target.binary, 'registry');
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'internal/cmd/main.go': mainGo }))).target.binary, 'suite');
  });

  it('negative: a named folder keeps its name, and a generic one keeps it when the module name is taken', async () => {
    assert.equal((await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'cmd/worker/main.go': mainGo }))).target.binary, 'worker');
    const r = await gen(workspace({ 'go.mod': 'module github.com/acme/suite\n\ngo 1.23\n', 'main.go': mainGo, 'app/main.go': mainGo }), { package: 'app' });
    assert.equal(r.target.binary, 'app');
    assert.deepEqual(r.candidates.map((c) => c.binary).sort(), ['app', 'suite']);
  });
});
