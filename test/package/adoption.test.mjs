// Adoption in other projects' CI: the GitHub Action's lint step (scripts/github-action.sh, run
// here as the runner would, with the inputs in the environment and GITHUB_OUTPUT a file) and the
// pre-commit hook's file pattern.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

let tmp;
before(() => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: npm run build first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-action-'));
  fs.mkdirSync(path.join(tmp, 'services', 'api'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'services', 'api', 'Dockerfile'), 'FROM golang:1.22 AS build\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD /app\n');
  fs.writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM scratch\nCOPY app /app\nUSER 65532\nENTRYPOINT ["/app"]\n');
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function runAction(inputs) {
  const output = path.join(tmp, 'github-output');
  fs.writeFileSync(output, '');
  const r = spawnSync('bash', [path.join(REPO, 'scripts', 'github-action.sh')], {
    cwd: tmp,
    env: { ...process.env, GD_CLI: CLI, GITHUB_OUTPUT: output, INPUT_CONTEXT: '', INPUT_FAIL_ON: 'error', INPUT_SARIF_FILE: 'go-dockerfile.sarif', ...inputs },
    encoding: 'utf8',
  });
  return { ...r, outputs: Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('='))) };
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action that runs scripts/github-action.sh and uploads SARIF with codeql-action/upload-sarif', () => {
    const yml = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    assert.match(yml, /^runs:\n {2}using: composite$/m);
    assert.match(yml, /run: bash "\$GITHUB_ACTION_PATH\/scripts\/github-action\.sh"/);
    assert.match(yml, /uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: \$\{\{ inputs\.sarif-file \}\}/);
    for (const input of ['dockerfiles', 'context', 'fail-on', 'sarif', 'sarif-file']) assert.match(yml, new RegExp(`^ {2}${input}:$`, 'm'));
  });

  it('lints the Dockerfiles given (glob patterns too): annotations, a SARIF report, exit-code 1 on an error', () => {
    const r = runAction({ INPUT_DOCKERFILES: '**/Dockerfile' });
    assert.equal(r.status, 0, `the step itself succeeds; the action fails later, after the upload\n${r.stderr}`);
    assert.deepEqual(r.outputs, { 'exit-code': '1' });
    assert.match(r.stdout, /^::error file=services\/api\/Dockerfile,line=6,col=1,endLine=6,endColumn=9,title=GD206 [a-z-]+::/m);
    assert.match(r.stdout, /go-dockerfile lint Dockerfile services\/api\/Dockerfile: exit 1/);
    const sarif = JSON.parse(fs.readFileSync(path.join(tmp, 'go-dockerfile.sarif'), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const uris = sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0 && uris.every((u) => u === 'services/api/Dockerfile'), uris.join(' '));
  });

  it('exit-code 0 for clean files, 2 when nothing matches', () => {
    assert.deepEqual(runAction({ INPUT_DOCKERFILES: 'Dockerfile' }).outputs, { 'exit-code': '0' });
    const none = runAction({ INPUT_DOCKERFILES: 'nope/**/Dockerfile.*' });
    assert.deepEqual(none.outputs, { 'exit-code': '2' });
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const text = fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8');

  it('runs `go-dockerfile lint`, the package bin, installed by pre-commit as an npm package', () => {
    assert.match(text, /^- id: go-dockerfile$/m);
    assert.match(text, /^ {2}entry: go-dockerfile lint$/m);
    assert.match(text, /^ {2}language: node$/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(pkg.bin['go-dockerfile'], './dist/cli.js');
    assert.equal(pkg.scripts.prepack, 'npm run build', 'npm pack (what pre-commit installs) builds the CLI first');
  });

  it('selects Dockerfiles by name, as pre-commit matches its `files` pattern (Python re.search)', () => {
    const files = new RegExp(/^ {2}files: (.+)$/m.exec(text)[1]);
    for (const f of ['Dockerfile', 'build/Dockerfile', 'Dockerfile.prod', 'deploy/Containerfile', 'api.Dockerfile', 'svc/web.dockerfile']) assert.ok(files.test(f), f);
    for (const f of ['main.go', 'docs/Dockerfiles.md/x', 'README.md', 'dockerfile-notes.txt', '.dockerignore']) assert.ok(!files.test(f), f);
  });
});
