// The command line as its own npm package: `npm pack` makes a tarball holding the CLI bundle and
// what it loads, with no runtime dependency, and `npx ./go-dockerfile-*.tgz lint Dockerfile` runs
// it from another folder. Offline: with no dependency to fetch, npm installs the tarball alone.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

// npm run by a test under `npm test` inherits the outer npm's npm_* settings (prefix, cwd,
// user agent...): give it a clean environment, offline.
function npmEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

let tmp;
let tarball;
before(() => {
  assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: npm run build first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-pack-'));
  // prepack builds dist/ first, so the tarball never holds a stale bundle.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: REPO, env: npmEnv(), encoding: 'utf8' });
  const [info] = JSON.parse(out.slice(out.search(/^\[/m)));
  fs.mkdirSync(path.join(tmp, 'project'));
  // In the project folder, named as the README does: `npx ./go-dockerfile-0.1.0.tgz`.
  tarball = path.join(tmp, 'project', info.filename);
  fs.renameSync(path.join(tmp, info.filename), tarball);
  fs.writeFileSync(path.join(tmp, 'project', 'Dockerfile'), 'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD /app\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function npx(...args) {
  return spawnSync('npx', ['--yes', `./${path.basename(tarball)}`, ...args], { cwd: path.join(tmp, 'project'), env: npmEnv(), encoding: 'utf8', timeout: 180_000 });
}

describe('the npm package (npm pack)', () => {
  it('holds the CLI bundle and its starter, its WebAssembly, dist\'s package.json (its module type), README, CHANGELOG, LICENSE: nothing else', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepEqual(listing, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/dist/cli-lint.js',
      'package/dist/cli-main.js',
      'package/dist/cli.js',
      'package/dist/package.json',
      'package/dist/tree-sitter-bash.wasm',
      'package/dist/tree-sitter.wasm',
      'package/package.json',
    ]);
  });

  it('declares no runtime dependency (every bundle is self-contained) and the go-dockerfile bin', () => {
    const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    assert.equal(pkg.dependencies, undefined);
    assert.equal(pkg.bin['go-dockerfile'], './dist/cli.js');
  });

  it('npx ./go-dockerfile-*.tgz lint Dockerfile runs in another folder, offline', () => {
    const r = npx('lint', 'Dockerfile', '--format', 'json');
    assert.equal(r.status, 1, `exit 1 on an error-level finding\n${r.stderr}`);
    const findings = JSON.parse(r.stdout);
    assert.ok(findings.some((f) => f.code === 'GD206' && f.line === 6 && f.file === 'Dockerfile'), r.stdout);
  });

  it('--version and generate --help answer from the tarball', () => {
    const v = npx('--version');
    assert.equal(v.status, 0, v.stderr);
    assert.equal(v.stdout.trim(), version);
    const help = npx('generate', '--help');
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: go-dockerfile generate /);
  });
});
