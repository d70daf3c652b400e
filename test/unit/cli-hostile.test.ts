/**
 * The CLI with special files and odd arguments (issue 16, items 2, 4, 5, 7, 8, 9). Each run is a child
 * process with a time bound: a FIFO or /dev/zero read synchronously would block this test
 * process itself, so the bound is what turns a hang into a failure.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
/** The built CLI (npm test builds before the unit tests; a tsx start per run takes seconds); GO_DOCKERFILE_CLI overrides it. */
const CLI = process.env.GO_DOCKERFILE_CLI ? path.resolve(process.env.GO_DOCKERFILE_CLI) : path.join(REPO, 'dist/cli.js');
let root: string;
let n = 0;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-cli-hostile-'));
  fs.chmodSync(root, 0o755);
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** A fresh Go module folder. */
function module(): string {
  const dir = path.join(root, `m${n++}`);
  fs.mkdirSync(dir, { mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.22\n');
  fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n\nfunc main() {}\n');
  return dir;
}

/** The CLI as a separate process, killed after 120 s (status null then): a hang, not a slow machine. */
function cli(args: string[], opts: { asUser?: number } = {}) {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const cmd = [process.execPath, CLI, ...args];
  const argv = opts.asUser !== undefined ? ['setpriv', `--reuid=${opts.asUser}`, `--regid=${opts.asUser}`, '--clear-groups', ...cmd] : cmd;
  const r = spawnSync(argv[0], argv.slice(1), { cwd: REPO, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, String(r.stderr));
}

describe('CLI: paths guessed from scripts', () => {
  // sorintlab/stolon (Apache-2.0, bcea7a7): its Dockerfile runs `make`, whose `test` target runs
  // ./test, which names `IGNORE_PKGS="(vendor/|tests/integration)"`: a folder, read as a possible
  // script. That is no file there, not something to tell the user on stderr.
  it('a folder named in a script is not reported as unreadable', () => {
    const dir = module();
    fs.mkdirSync(path.join(dir, 'tests/integration'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tests/integration/a_test.go'), 'package integration\n');
    fs.writeFileSync(path.join(dir, 'Makefile'), 'all:\n\t./test\n');
    fs.writeFileSync(path.join(dir, 'test'), '#!/bin/sh\nIGNORE_PKGS="(vendor/|tests/integration)"\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make\n');
    const r = cli(['lint', path.join(dir, 'Dockerfile')]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.doesNotMatch(r.stderr, /not reading/);
  });

  it('a FIFO named in a script is still reported', () => {
    const dir = module();
    mkfifo(path.join(dir, 'build.fifo'));
    fs.writeFileSync(path.join(dir, 'Makefile'), 'all:\n\t./build.fifo\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN make\n');
    const r = cli(['lint', path.join(dir, 'Dockerfile')]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.match(r.stderr, /not reading build\.fifo: a FIFO/);
  });
});

describe('CLI: special files as input (item 8)', () => {
  it('lint FIFO: refused with a clear message, exit 2', () => {
    const dir = module();
    const fifo = path.join(dir, 'Dockerfile.fifo');
    mkfifo(fifo);
    const r = cli(['lint', fifo]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /Dockerfile\.fifo: a FIFO, not a regular file/);
  });

  it('lint /dev/zero and a link to it: refused, exit 2', () => {
    const dir = module();
    const link = path.join(dir, 'Dockerfile.zero');
    fs.symlinkSync('/dev/zero', link);
    for (const f of ['/dev/zero', link]) {
      const r = cli(['lint', f]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /a character device, not a regular file/);
    }
  });

  it('lint of a Dockerfile over the size cap: refused, exit 2', () => {
    const dir = module();
    const big = path.join(dir, 'Dockerfile.big');
    fs.writeFileSync(big, `FROM scratch\n${'# x\n'.repeat(5 * 1024 * 1024)}`);
    const r = cli(['lint', big]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /over the \d+-byte limit/);
  });

  it('layers FIFO: refused, exit 2', () => {
    const dir = module();
    const fifo = path.join(dir, 'Dockerfile.fifo2');
    mkfifo(fifo);
    const r = cli(['layers', fifo]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /a FIFO, not a regular file/);
  });
});

describe('CLI: superlinear input (item 7)', () => {
  it('lint and layers of a 5 MB single line: not analysed with the reason, exit 2, the other files still linted', () => {
    const dir = module();
    const long = path.join(dir, 'Dockerfile.long');
    const ok = path.join(dir, 'Dockerfile.ok');
    // On the old code: 40 s and 1.3 GB for the lint (more for a line of many words), then exit 0.
    fs.writeFileSync(long, `FROM golang:1.22\nRUN echo ${'a'.repeat(5_000_000)}\n`);
    fs.writeFileSync(ok, 'FROM alpine:3.22\nRUN apk add git\n');
    const r = cli(['lint', long, ok, '--fail-on', 'error']);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot analyse .*Dockerfile\.long: line 2 is 5,000,009 characters long \(lines of up to 65,536 characters are analysed\)/);
    assert.match(r.stdout, /Dockerfile\.ok:2:\d+: \w+ GD301/);
    const l = cli(['layers', long]);
    assert.equal(l.status, 2, l.stderr);
    assert.match(l.stderr, /cannot analyse .*Dockerfile\.long: line 2 is 5,000,009 characters long/);
  });
});

describe('CLI: minor (item 9)', () => {
  it('lint --context /nonexistent is a usage error, as for layers', () => {
    const dir = module();
    const df = path.join(dir, 'Dockerfile.ctx');
    fs.writeFileSync(df, 'FROM scratch\n');
    const r = cli(['lint', df, '--context', path.join(dir, 'no-such-folder')]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /the build context .*no-such-folder is not a folder/);
  });

  it('--fix on a read-only file: a message, no stack trace, and the other files are still fixed', () => {
    const dir = module();
    const ro = path.join(dir, 'Dockerfile.ro');
    const rw = path.join(dir, 'Dockerfile.rw');
    const text = 'FROM alpine:3.22\nRUN apk add git\n';
    fs.writeFileSync(ro, text);
    fs.writeFileSync(rw, text);
    fs.chmodSync(ro, 0o444);
    fs.chmodSync(rw, 0o666);
    // root writes read-only files anyway: run as nobody then.
    const r = cli(['lint', '--fix', ro, rw, '--fail-on', 'hint'], process.getuid?.() === 0 ? { asUser: 65534 } : {});
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot write .*Dockerfile\.ro/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.readFileSync(ro, 'utf8'), text);
    assert.match(fs.readFileSync(rw, 'utf8'), /apk add --no-cache git/);
    assert.match(r.stdout, /Dockerfile\.ro:2:/, 'the read-only file is still reported');
  });
});

describe('CLI: .dockerignore lines (item 5)', () => {
  it('`docs/c++/` in .dockerignore: lint runs the workspace rules, no SyntaxError', () => {
    const ws = module();
    fs.writeFileSync(path.join(ws, '.dockerignore'), 'docs/c++/\n(a+)+b\n');
    fs.writeFileSync(path.join(ws, 'a'.repeat(34)), '');
    fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n');
    const r = cli(['lint', path.join(ws, 'Dockerfile'), '--format', 'json']);
    assert.notEqual(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /SyntaxError/);
    const codes = (JSON.parse(r.stdout) as { code: string }[]).map((f) => f.code);
    assert.ok(codes.includes('GD101'), `a workspace rule (go 1.22 in go.mod, golang:1.21) ran: ${codes.join(' ')}`);
  });
});

describe('CLI generate: writes stay in the folder (item 2)', () => {
  it('dangling links Dockerfile -> ../o/authorized_keys and .dockerignore -> ../o/x: nothing is created outside', () => {
    const dir = module();
    const outside = path.join(root, `o${n++}`);
    fs.mkdirSync(outside);
    fs.symlinkSync(path.join(outside, 'authorized_keys'), path.join(dir, 'Dockerfile'));
    fs.symlinkSync(path.join(outside, 'x'), path.join(dir, '.dockerignore'));
    const r = cli(['generate', dir]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /already exists/);
    const forced = cli(['generate', dir, '--force']);
    assert.equal(forced.status, 2, forced.stderr);
    assert.match(forced.stderr, /outside .*: not written/);
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('only .dockerignore a dangling link out: it is kept and not written through', () => {
    const dir = module();
    const outside = path.join(root, `o${n++}`);
    fs.mkdirSync(outside);
    fs.symlinkSync(path.join(outside, 'x'), path.join(dir, '.dockerignore'));
    const r = cli(['generate', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.statSync(path.join(dir, 'Dockerfile')).isFile());
    assert.deepEqual(fs.readdirSync(outside), []);
  });
});

describe('CLI: workspace files that are links to special files (item 4)', () => {
  // Two workspaces hold every case (a CLI start is seconds on a loaded machine).
  const cases: Record<string, [string, string][]> = {
    '.dockerignore, go.work, .go-dockerfile.json and .gitignore -> /dev/zero (a vendor folder, so GD106 reads .gitignore)': [
      ['.dockerignore', '/dev/zero'], ['go.work', '/dev/zero'], ['.go-dockerfile.json', '/dev/zero'], ['.gitignore', '/dev/zero'],
    ],
    'vendor/modules.txt -> /dev/zero, .dockerignore a FIFO, .gitignore -> /proc/self/fd/0': [
      ['vendor/modules.txt', '/dev/zero'], ['.dockerignore', 'FIFO'], ['.gitignore', '/proc/self/fd/0'],
    ],
  };
  for (const [title, links] of Object.entries(cases)) {
    it(`${title}: lint returns with the findings`, () => {
      const dir = module();
      fs.writeFileSync(path.join(dir, 'go.mod'), 'module example.com/x\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n');
      fs.mkdirSync(path.join(dir, 'vendor'));
      if (!links.some(([name]) => name === 'vendor/modules.txt')) {
        fs.writeFileSync(path.join(dir, 'vendor/modules.txt'), '# github.com/google/uuid v1.6.0\n## explicit\ngithub.com/google/uuid\n');
      }
      for (const [name, target] of links) {
        const file = path.join(dir, name);
        if (target === 'FIFO') mkfifo(file);
        else fs.symlinkSync(target, file);
      }
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\n');
      const r = cli(['lint', path.join(dir, 'Dockerfile'), '--format', 'json']);
      assert.notEqual(r.status, null, 'the CLI returned (killed after 120 s otherwise)');
      assert.equal(r.status, 1, r.stderr);
      assert.ok((JSON.parse(r.stdout) as { code: string }[]).some((f) => f.code === 'GD101'), 'workspace rules still run');
    });
  }

  it('log lines carry the go-dockerfile: prefix once (item 9)', () => {
    const dir = module();
    fs.symlinkSync('/etc/hostname', path.join(dir, 'outside-link'));
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
    const r = cli(['lint', path.join(dir, 'Dockerfile')]);
    assert.match(r.stderr, /^go-dockerfile: 1 symbolic link/m);
    assert.doesNotMatch(r.stderr, /go-dockerfile: go-dockerfile:/);
  });
});
